package dev.atomic.api.web;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens one extra Tomcat connector per service port. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServicePorts.class)
class ServicePortsConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> servicePortConnectors(
      ServicePorts ports) {
    return factory -> {
      if (!ports.enabled()) {
        return;
      }
      for (int port : ports.byPort().keySet()) {
        if (port == factory.getPort()) {
          continue;
        }
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(port);
        factory.addAdditionalConnectors(connector);
      }
    };
  }
}
