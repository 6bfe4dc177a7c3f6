package dev.atomic.api.evidence;

import dev.atomic.api.web.ApiException;
import dev.atomic.evidence.EvidenceBackup;
import dev.atomic.evidence.EvidenceImport;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * {@code POST /evidence/import}: a mission's timeline backup restored into this store, with the
 * refusals mapped to statuses: 400 for a document not of the timeline's form, 422 for a broken or
 * altered chain (naming the first bad event), 409 when the stream holds other events.
 */
@Service
class EvidenceImportService {

  private final EvidenceImport restore;

  EvidenceImportService(EvidenceImport restore) {
    this.restore = restore;
  }

  /**
   * @param bodyJson the request body as JSON text
   */
  EvidenceImport.Result restore(String bodyJson) {
    EvidenceBackup backup;
    try {
      backup = EvidenceBackup.read(Json.mapper().readTree(bodyJson));
    } catch (EvidenceBackup.Malformed e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage(), EvidenceBackup.SHAPE);
    } catch (IOException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Request body is not readable JSON");
    }
    try {
      return restore.restore(backup);
    } catch (EvidenceImport.Refused e) {
      if (e.problem() == EvidenceImport.Problem.CONFLICT) {
        throw new ApiException(
            HttpStatus.CONFLICT,
            "Mission " + backup.missionId() + " has other evidence",
            e.getMessage());
      }
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "The backup's chain does not verify: " + e.getMessage(),
          "nothing was written; restore an unaltered backup (atomic evidence backup)");
    } catch (SQLException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "The evidence store is not available", e.getMessage());
    }
  }
}
