package dev.atomic.api.mission;

import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.mission.MissionStore;
import dev.atomic.platform.Database;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MissionSettings.class)
class MissionConfiguration {

  @Bean
  MissionStore missionStore(DataSource dataSource, EvidenceRedactor redactor) {
    return new MissionStore(new Database(dataSource), Clock.systemUTC(), redactor);
  }
}
