package dev.atomic.api.web;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens one extra Tomcat connector per service port; Tomcat's own errors answer in JSON. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServicePorts.class)
class ServicePortsConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> servicePortConnectors(
      ServicePorts ports) {
    return factory -> {
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof StandardHost host) {
              host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
          });
      if (!ports.enabled()) {
        return;
      }
      for (int port : ports.byPort().keySet()) {
        if (port == factory.getPort()) {
          continue;
        }
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        if (factory.getAddress() != null) {
          // The service ports listen where the main port does (loopback in the embedded default).
          connector.setProperty("address", factory.getAddress().getHostAddress());
        }
        factory.addAdditionalConnectors(connector);
      }
    };
  }
}
