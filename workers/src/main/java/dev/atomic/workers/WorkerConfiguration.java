package dev.atomic.workers;

import dev.atomic.mission.MissionActivitiesImpl;
import dev.atomic.platform.Database;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Activity implementations, as beans the Temporal starter registers by name. */
@Configuration(proxyBeanMethods = false)
class WorkerConfiguration {

  @Bean
  MissionActivitiesImpl missionActivities(DataSource dataSource) {
    return new MissionActivitiesImpl(new Database(dataSource));
  }
}
