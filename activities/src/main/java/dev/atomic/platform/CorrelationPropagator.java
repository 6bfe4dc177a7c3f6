package dev.atomic.platform;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Carries the logging context's {@code correlationId} from the thread that starts a workflow (a
 * REST request) in the Temporal headers to the workflow and on to each of its activities, where it
 * is put back in the logging context: every line the mission logs names the request that started
 * it. A value that is not a plain token of at most 64 characters is dropped.
 */
public final class CorrelationPropagator implements ContextPropagator {

  public static final String KEY = "correlationId";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  public String getName() {
    return "atomic-correlation";
  }

  @Override
  public Map<String, Payload> serializeContext(Object context) {
    if (context instanceof String id && TOKEN.matcher(id).matches()) {
      return Map.of(KEY, DefaultDataConverter.STANDARD_INSTANCE.toPayload(id).orElseThrow());
    }
    return Map.of();
  }

  @Override
  public Object deserializeContext(Map<String, Payload> header) {
    Payload payload = header.get(KEY);
    if (payload == null) {
      return null;
    }
    String id =
        DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
    return id != null && TOKEN.matcher(id).matches() ? id : null;
  }

  @Override
  public Object getCurrentContext() {
    return MDC.get(KEY);
  }

  @Override
  public void setCurrentContext(Object context) {
    if (context instanceof String id) {
      MDC.put(KEY, id);
    } else {
      MDC.remove(KEY);
    }
  }
}
