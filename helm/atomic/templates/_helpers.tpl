{{- define "atomic.name" -}}{{ .Chart.Name }}{{- end -}}

{{- define "atomic.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "atomic.labels" -}}
app.kubernetes.io/name: {{ include "atomic.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "atomic.env" -}}
- name: TEMPORAL_ADDRESS
  value: {{ .Values.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ .Values.temporal.namespace | quote }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.key }}
- name: LOG_FORMAT
  value: {{ .Values.logFormat | quote }}
- name: DEFAULT_BUDGET_USD
  value: {{ .Values.finops.defaultBudgetUsd | quote }}
- name: ATOMIC_FINOPS_ALERT_THRESHOLDS
  value: {{ .Values.finops.alertThresholds | quote }}
{{- if .Values.finops.webhookSecret }}
- name: BUDGET_BREACH_WEBHOOK_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.finops.webhookSecret }}
      key: {{ .Values.finops.webhookSecretKey }}
{{- end }}
{{- if .Values.git.existingSecret }}
- name: ATOMIC_GIT_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.git.existingSecret }}
      key: ATOMIC_GIT_USERNAME
      optional: true
- name: ATOMIC_GIT_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.git.existingSecret }}
      key: ATOMIC_GIT_TOKEN
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "atomic.probes" -}}
livenessProbe:
  httpGet: {path: /actuator/health/liveness, port: http}
  initialDelaySeconds: 20
  periodSeconds: 10
readinessProbe:
  httpGet: {path: /actuator/health/readiness, port: http}
  initialDelaySeconds: 10
  periodSeconds: 5
startupProbe:
  httpGet: {path: /actuator/health/liveness, port: http}
  failureThreshold: 30
  periodSeconds: 5
{{- end -}}
