{{- define "atomic.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "atomic.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "atomic.labels" -}}
app.kubernetes.io/name: {{ include "atomic.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "api"). */}}
{{- define "atomic.selectorLabels" -}}
app.kubernetes.io/name: {{ include "atomic.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "atomic.image" -}}
{{- if .Values.image.digest -}}
{{ .Values.image.repository }}@{{ .Values.image.digest }}
{{- else -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}
{{- end -}}

{{- define "atomic.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "atomic.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Whether the chart's own Secret has anything in it. */}}
{{- define "atomic.hasSecret" -}}
{{- if or (and (not .Values.database.existingSecret) .Values.database.url) (and (not .Values.finops.webhook.existingSecret) .Values.finops.webhook.url) .Values.redaction.allowlist -}}
true
{{- end -}}
{{- end -}}

{{- define "atomic.databaseUrlEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      {{- if .Values.database.existingSecret }}
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.key }}
      {{- else }}
      {{- $_ := required "database: set database.existingSecret (a Secret holding DATABASE_URL) or database.url" .Values.database.url }}
      name: {{ include "atomic.fullname" . }}
      key: DATABASE_URL
      {{- end }}
{{- end -}}

{{/* The Temporal connection of design.md: address, namespace, TLS files, API key. */}}
{{- define "atomic.temporalEnv" -}}
- name: TEMPORAL_ADDRESS
  value: {{ .Values.temporal.address | quote }}
- name: TEMPORAL_NAMESPACE
  value: {{ .Values.temporal.namespace | quote }}
{{- with .Values.temporal.tls }}
{{- if .enabled }}
{{- if and .certKey .keyKey }}
- name: TEMPORAL_TLS_CERT
  value: /etc/atomic/temporal-tls/{{ .certKey }}
- name: TEMPORAL_TLS_KEY
  value: /etc/atomic/temporal-tls/{{ .keyKey }}
{{- end }}
{{- if .caKey }}
- name: TEMPORAL_TLS_CA
  value: /etc/atomic/temporal-tls/{{ .caKey }}
{{- end }}
{{- if .serverName }}
- name: TEMPORAL_TLS_SERVER_NAME
  value: {{ .serverName | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if .Values.temporal.apiKey.existingSecret }}
- name: TEMPORAL_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ .Values.temporal.apiKey.existingSecret }}
      key: {{ .Values.temporal.apiKey.key }}
{{- end }}
{{- end -}}

{{/* Environment of every API and worker container. */}}
{{- define "atomic.env" -}}
{{ include "atomic.temporalEnv" . }}
{{ include "atomic.databaseUrlEnv" . }}
{{- if .Values.finops.webhook.existingSecret }}
- name: BUDGET_BREACH_WEBHOOK_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.finops.webhook.existingSecret }}
      key: {{ .Values.finops.webhook.key }}
{{- else if .Values.finops.webhook.url }}
- name: BUDGET_BREACH_WEBHOOK_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "atomic.fullname" . }}
      key: BUDGET_BREACH_WEBHOOK_URL
{{- end }}
{{- if .Values.redaction.allowlist }}
- name: REDACTION_ALLOWLIST
  valueFrom:
    secretKeyRef:
      name: {{ include "atomic.fullname" . }}
      key: REDACTION_ALLOWLIST
{{- end }}
{{- if .Values.redaction.rulesConfigMap }}
- name: GATEWAY_RULES_FILE
  value: /etc/atomic/gateway-rules/{{ .Values.redaction.rulesKey }}
{{- end }}
- name: ATOMIC_HOME
  value: /var/lib/atomic
- name: ATOMIC_MAVEN_LOCAL_REPOSITORY
  value: /home/atomic/.m2/repository
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Volumes every Atomic pod mounts: writable scratch space and the Temporal TLS files. */}}
{{- define "atomic.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.volumes.tmp.sizeLimit }}
- name: home
  emptyDir:
    sizeLimit: {{ .Values.volumes.home.sizeLimit }}
- name: cache
  emptyDir:
    sizeLimit: {{ .Values.volumes.cache.sizeLimit }}
{{- if .Values.temporal.tls.enabled }}
- name: temporal-tls
  secret:
    secretName: {{ required "temporal.tls.enabled: set temporal.tls.existingSecret, the Secret holding the PEM files" .Values.temporal.tls.existingSecret }}
    defaultMode: 0440
{{- end }}
{{- if .Values.redaction.rulesConfigMap }}
- name: gateway-rules
  configMap:
    name: {{ .Values.redaction.rulesConfigMap }}
{{- end }}
{{- end -}}

{{- define "atomic.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: home
  mountPath: /var/lib/atomic
- name: cache
  mountPath: /home/atomic
{{- if .Values.temporal.tls.enabled }}
- name: temporal-tls
  mountPath: /etc/atomic/temporal-tls
  readOnly: true
{{- end }}
{{- if .Values.redaction.rulesConfigMap }}
- name: gateway-rules
  mountPath: /etc/atomic/gateway-rules
  readOnly: true
{{- end }}
{{- end -}}

{{- define "atomic.signingKeyVolume" -}}
{{- with .Values.evidence.signingKey }}
- name: signing-key
  secret:
    secretName: {{ required "evidence.signingKey.existingSecret: the Secret holding the Ed25519 key that signs audit packs is required (docs/configuration.md)" .existingSecret }}
    defaultMode: 0440
    items:
      - key: {{ .key }}
        path: {{ .key }}
{{- end }}
{{- end -}}

{{- define "atomic.signingKeyMount" -}}
- name: signing-key
  mountPath: {{ .Values.evidence.signingKey.mountPath }}
  readOnly: true
{{- end -}}

{{- define "atomic.signingKeyEnv" -}}
- name: ATOMIC_SIGNING_KEY_FILE
  value: "{{ .Values.evidence.signingKey.mountPath }}/{{ .Values.evidence.signingKey.key }}"
{{- end -}}

{{- define "atomic.podSpecCommon" -}}
serviceAccountName: {{ include "atomic.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountToken }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{/* Git credentials for the workers that clone missions' repositories. */}}
{{- define "atomic.gitEnv" -}}
{{- if .Values.git.existingSecret }}
- name: ATOMIC_GIT_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ .Values.git.existingSecret }}
      key: {{ .Values.git.usernameKey }}
      optional: true
- name: ATOMIC_GIT_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ .Values.git.existingSecret }}
      key: {{ .Values.git.tokenKey }}
{{- end }}
{{- end -}}
