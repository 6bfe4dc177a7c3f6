package dev.atomic.dte;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atomic.dte.verify.VerificationReport;

/** What a DTE job produced: a preview or apply result, or a verification report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DteJobResult(DtePreview applied, VerificationReport verified) {}
