package dev.atomic.api.mission;

import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.mission.MissionStatus;
import dev.atomic.mission.MissionStore;
import dev.atomic.platform.Database;
import dev.atomic.platform.PlatformGauges;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
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

  /** Missions in progress by status and the evidence store's size, read at most every 15 s. */
  @Bean
  PlatformGauges platformGauges(DataSource dataSource) {
    return new PlatformGauges(
        new Database(dataSource),
        Clock.systemUTC(),
        Duration.ofSeconds(15),
        Arrays.stream(MissionStatus.values())
            .filter(s -> !s.isFinished())
            .map(MissionStatus::wire)
            .toList());
  }
}
