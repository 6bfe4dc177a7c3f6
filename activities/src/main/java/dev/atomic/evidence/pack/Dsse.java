package dev.atomic.evidence.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.platform.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Dead Simple Signing Envelopes (secure-systems-lab/dsse v1): a payload, its type, and signatures
 * over the pre-authentication encoding {@link #pae} of both, so that neither can be swapped without
 * breaking the signature.
 */
final class Dsse {

  /** One signature: the signing key's id and the raw signature bytes. */
  record Signature(String keyid, byte[] sig) {}

  /** An envelope as {@code manifest.json} holds it. */
  record Envelope(String payloadType, byte[] payload, List<Signature> signatures) {

    /** The envelope JSON; payload and signatures in standard base64 with padding. */
    byte[] toJson() {
      ObjectNode envelope = Json.mapper().createObjectNode();
      envelope.put("payloadType", payloadType);
      envelope.put("payload", Base64.getEncoder().encodeToString(payload));
      ArrayNode list = envelope.putArray("signatures");
      for (Signature signature : signatures) {
        list.addObject()
            .put("keyid", signature.keyid())
            .put("sig", Base64.getEncoder().encodeToString(signature.sig()));
      }
      try {
        return Json.mapper()
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsBytes(envelope);
      } catch (Exception e) {
        throw new IllegalStateException("cannot write the envelope", e);
      }
    }

    /**
     * Reads an envelope; base64 may be standard or URL-safe, as DSSE allows.
     *
     * @throws IllegalArgumentException saying what is malformed
     */
    static Envelope parse(byte[] json) {
      JsonNode node;
      try {
        node = Json.mapper().readTree(json);
      } catch (Exception e) {
        throw new IllegalArgumentException("not JSON");
      }
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      String payloadType = text(node, "payloadType");
      byte[] payload = base64(text(node, "payload"), "payload");
      JsonNode list = node.get("signatures");
      if (list == null || !list.isArray() || list.isEmpty()) {
        throw new IllegalArgumentException("no signatures");
      }
      List<Signature> signatures = new ArrayList<>();
      for (JsonNode entry : list) {
        if (!entry.isObject()) {
          throw new IllegalArgumentException("a signature is not an object");
        }
        JsonNode keyid = entry.get("keyid");
        signatures.add(
            new Signature(
                keyid == null || !keyid.isTextual() ? "" : keyid.textValue(),
                base64(text(entry, "sig"), "sig")));
      }
      return new Envelope(payloadType, payload, List.copyOf(signatures));
    }
  }

  private Dsse() {}

  /**
   * {@code "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload}, lengths as ASCII decimal byte
   * counts.
   */
  static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static String text(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("member \"" + name + "\" is missing or not a string");
    }
    return value.textValue();
  }

  private static byte[] base64(String text, String name) {
    try {
      return text.indexOf('-') >= 0 || text.indexOf('_') >= 0
          ? Base64.getUrlDecoder().decode(text)
          : Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("member \"" + name + "\" is not base64");
    }
  }
}
