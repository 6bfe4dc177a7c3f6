package dev.atomic.cli.cds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the REST API on a loopback port, answering the requests of the commands {@link
 * TrainingCommand} runs with answers of the API's shape: a mission awaiting its plan approval, its
 * timeline, and the API's error for anything else.
 */
final class TrainingApi implements AutoCloseable {

  static final String MISSION_ID = "M-TRAINING1";

  private static final String MISSION =
      """
      {"missionId":"M-TRAINING1","title":"Rename UserId to AccountId","risk":"medium",
       "status":"awaiting_approval","requestedBy":"atomic","createdAt":"2026-01-01T00:00:00Z",
       "updatedAt":"2026-01-01T00:00:01Z",
       "checkpoints":[
        {"name":"plan","actor":"human","status":"awaiting_approval",
         "batches":[{"id":"batch-1","status":"planned","commit":null,
                     "files":["src/main/java/demo/UserId.java"],"dependsOn":[]}]},
        {"name":"execute","actor":"agent","status":"pending","batches":[]},
        {"name":"verify","actor":"agent","status":"pending","metrics":{}},
        {"name":"finalize","actor":"human","status":"pending"}]}
      """;

  private static final String APPROVED =
      MISSION.replace(
          "\"status\":\"awaiting_approval\",\n",
          "\"status\":\"approved\",\"decision\":{\"verdict\":\"approved\",\"by\":\"atomic\","
              + "\"at\":\"2026-01-01T00:00:02Z\",\"comment\":\"looks right\"},\n");

  private static final String EVENTS =
      """
      {"missionId":"M-TRAINING1","count":2,"events":[
        {"seq":1,"timestamp":"2026-01-01T00:00:00Z","type":"MissionCreated","actor":"atomic",
         "data":{"title":"Rename UserId to AccountId","risk":"medium"},"prevHash":"00","hash":"01"},
        {"seq":2,"timestamp":"2026-01-01T00:00:00Z","type":"CheckpointOpened","actor":null,
         "data":{"checkpoint":"plan"},"prevHash":"01","hash":"02"}]}
      """;

  private static final String NOT_FOUND =
      "{\"error\":\"Mission not found\",\"details\":\"M-UNKNOWN\"}";

  private final HttpServer server;

  private TrainingApi(HttpServer server) {
    this.server = server;
  }

  static TrainingApi start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/", TrainingApi::answer);
      server.start();
      return new TrainingApi(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      String mission = "/missions/" + MISSION_ID;
      if (method.equals("GET") && path.equals("/missions")) {
        send(exchange, 200, "[" + MISSION + "]");
      } else if (method.equals("GET") && path.equals(mission)) {
        send(exchange, 200, MISSION);
      } else if (method.equals("POST") && path.equals(mission + "/checkpoints/plan/approve")) {
        send(exchange, 200, APPROVED);
      } else if (method.equals("GET")
          && path.equals("/evidence/mission/" + MISSION_ID + "/events")) {
        send(exchange, 200, EVENTS);
      } else {
        send(exchange, 404, NOT_FOUND);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
