#!/usr/bin/env python3
"""Deterministic generator for the provider-token redaction corpus.

Usage (from the repository root):

    python3 bench/corpora/providers.py

Writes bench/corpora/redaction-providers.jsonl, one JSON object per line:

    {"text": "...",
     "spans": [{"start": S, "end": E, "kind": "secret", "type": "<type>"}],
     "negatives": [{"start": S, "end": E, "type": "<why it is not a secret>"}]}

Offsets are UTF-16 code units; every text is ASCII so they equal Python
string indexes.  `end` is exclusive.  `negatives` is present only when the
line marks look-alikes.

Every credential value is built at run time from the provider's published
token *format* (prefix, alphabet, length, separators, checksum where one is
defined) filled with characters from a seeded PRNG.  No value, regex or
sample is copied from any other secret scanner or from provider docs.

The generator is standard-library only and fully deterministic (fixed seed).
It fails loudly (AssertionError, non-zero exit) if any recorded offset does
not point at the inserted value, if spans overlap, or if a text is not ASCII.
The corpus is never edited by hand; change this file (with a commit that
says why) and regenerate.
"""

import base64
import json
import os
import random
import re
import string
import sys
import zlib
from collections import Counter, defaultdict

SEED = 20261206
R = random.Random(SEED)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "redaction-providers.jsonl")

# --------------------------------------------------------------------------
# alphabets and primitive helpers
# --------------------------------------------------------------------------
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
ALNUM = UP + LO + DG                 # base62 (order irrelevant for random picks)
B62 = DG + UP + LO                   # base62 digit order 0-9A-Za-z for encoding
HEX = "0123456789abcdef"
HEXU = HEX.upper()
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"
LOWALNUM = LO + DG
UPALNUM = UP + DG
BASE32 = UP + "234567"
LBASE32 = LO + "234567"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
AZ_SECRET = ALNUM + "_~.-"
PW_SAFE = ALNUM + "!#%*+-._^~"       # passwords safe in every quoting context used
URL_SAFE = ALNUM + "-._~"            # RFC 3986 unreserved: safe in URL userinfo
BCRYPT = "./" + ALNUM


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def ri(a, b):
    return R.randint(a, b)


def pick(seq):
    return R.choice(seq)


def chance(p):
    return R.random() < p


def rbytes(n):
    return R.randbytes(n)


def b64(b):
    return base64.b64encode(b).decode("ascii")


def b64u(b):
    return base64.urlsafe_b64encode(b).decode("ascii").rstrip("=")


def jcompact(o):
    return json.dumps(o, separators=(",", ":"))


def uuid4():
    h = rs(HEX, 32)
    h = h[:12] + "4" + h[13:16] + pick("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def password(alpha=PW_SAFE, lo=14, hi=28):
    n = ri(lo, hi)
    while True:
        p = pick(ALNUM) + rs(alpha, n - 1)
        if (any(ch.isdigit() for ch in p) and any(ch.isupper() for ch in p)
                and any(ch.islower() for ch in p)):
            return p


def url_password():
    return password(URL_SAFE, 14, 30)


# --------------------------------------------------------------------------
# checksums / encodings defined by providers
# --------------------------------------------------------------------------
def base62(n, width):
    s = ""
    while n:
        n, r = divmod(n, 62)
        s = B62[r] + s
    return s.rjust(width, "0")


def github_checksum(body):
    # CRC32 of the 30-char random body, base62 (0-9A-Za-z), left-padded to 6.
    return base62(zlib.crc32(body.encode("ascii")) & 0xFFFFFFFF, 6)


def github_token(prefix):
    body = rs(ALNUM, 30)
    tok = prefix + body + github_checksum(body)
    assert len(tok) == 40, tok
    return tok


def _bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        top = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= gen[i]
    return chk


def _hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


def _convertbits(data, frombits, tobits):
    acc = bits = 0
    out = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if bits:
        out.append((acc << (tobits - bits)) & maxv)
    return out


def bech32_encode(hrp, data8):
    data = _convertbits(data8, 8, 5)
    pm = _bech32_polymod(_hrp_expand(hrp) + data + [0] * 6) ^ 1
    chk = [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in data + chk)


def bech32_verify(s):
    hrp, _, data = s.lower().rpartition("1")
    vals = [BECH32.index(ch) for ch in data]
    return _bech32_polymod(_hrp_expand(hrp) + vals) == 1


def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


# --------------------------------------------------------------------------
# token generators (one per format)
# --------------------------------------------------------------------------
def fixed(prefix, alpha, n):
    return lambda: prefix + rs(alpha, n)


def ranged(prefix, alpha, lo, hi):
    return lambda: prefix + rs(alpha, ri(lo, hi))


def age_secret():
    k = bech32_encode("age-secret-key-", rbytes(32)).upper()
    assert k.startswith("AGE-SECRET-KEY-1") and len(k) == 16 + 58 and bech32_verify(k)
    return k


def age_public():
    k = bech32_encode("age", rbytes(32))
    assert len(k) == 62 and bech32_verify(k)
    return k


def pem(label, der, width=64):
    b = b64(der)
    lines = [b[i:i + width] for i in range(0, len(b), width)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, "\n".join(lines), label)


def der_pkcs8():
    kind = pick(["rsa", "rsa", "ed25519", "p256"])
    if kind == "ed25519":
        der = bytes.fromhex("302e020100300506032b657004220420") + rbytes(32)
    elif kind == "p256":
        der = (bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420")
               + rbytes(32) + bytes.fromhex("a144034200") + b"\x04" + rbytes(64))
    else:
        body = (bytes.fromhex("020100300d06092a864886f70d0101010500048204a7308204a30201000282010100")
                + rbytes(256) + bytes.fromhex("0203010001028201") + rbytes(1217 - 4 - 34 - 256 - 8))
        der = bytes.fromhex("308204bd") + body
    return der


def pkcs8_key():
    return pem("PRIVATE KEY", der_pkcs8())


def ec_key():
    der = (bytes.fromhex("30770201010420") + rbytes(32)
           + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + rbytes(64))
    assert len(der) == 0x77 + 2
    return pem("EC PRIVATE KEY", der)


def rsa_key():
    der = bytes.fromhex("308204a4020100028201010000") + rbytes(1192 - 13)
    return pem("RSA PRIVATE KEY", der)


def _sshstr(b):
    return len(b).to_bytes(4, "big") + b


def openssh_key():
    pub = _sshstr(b"ssh-ed25519") + _sshstr(rbytes(32))
    chk = rbytes(4)
    priv = (chk + chk + _sshstr(b"ssh-ed25519") + _sshstr(rbytes(32)) + _sshstr(rbytes(64))
            + _sshstr(("%s@%s" % (pick(USERS), pick(HOSTS))).encode()))
    pad = 1
    while len(priv) % 8:
        priv += bytes([pad])
        pad += 1
    blob = (b"openssh-key-v1\x00" + _sshstr(b"none") + _sshstr(b"none") + _sshstr(b"")
            + (1).to_bytes(4, "big") + _sshstr(pub) + _sshstr(priv))
    return pem("OPENSSH PRIVATE KEY", blob, 70)


def pgp_private_block():
    body_len = ri(380, 1400)
    pkt = bytes([0x95]) + body_len.to_bytes(2, "big") + b"\x04" + rbytes(4) + bytes([pick([1, 22, 18])]) + rbytes(body_len - 6)
    b = b64(pkt)
    lines = [b[i:i + 64] for i in range(0, len(b), 64)]
    crc = b64(crc24(pkt).to_bytes(3, "big"))
    head = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n"
    if chance(0.4):
        head += "Comment: %s <%s@%s>\n" % (pick(USERS).capitalize(), pick(USERS), pick(DOMAINS))
    return head + "\n" + "\n".join(lines) + "\n=" + crc + "\n-----END PGP PRIVATE KEY BLOCK-----"


def jwt_token():
    alg = pick(["HS256", "HS256", "HS256", "HS384", "RS256", "ES256"])
    hdr = {"alg": alg, "typ": "JWT"}
    if alg in ("RS256", "ES256") and chance(0.6):
        hdr["kid"] = rs(B64URL, 16)
    now = ri(1704067200, 1790000000)
    payload = {"sub": pick([str(ri(10000, 9999999)), uuid4(), "user:%s" % pick(USERS)]), "iat": now}
    if chance(0.7):
        payload["exp"] = now + pick([300, 900, 3600, 86400])
    if chance(0.5):
        payload["iss"] = "https://%s" % pick(["auth.acme.io", "login.internal.net", "id.shopfront.dev"])
    if chance(0.4):
        payload["scope"] = pick(["read write", "orders:read", "admin", "openid profile email"])
    if chance(0.3):
        payload["name"] = pick(USERS).capitalize()
    sig_bytes = {"HS256": 32, "HS384": 48, "RS256": 256, "ES256": 64}[alg]
    sig = b64u(rbytes(sig_bytes))
    tok = b64u(jcompact(hdr).encode()) + "." + b64u(jcompact(payload).encode()) + "." + sig
    assert tok.startswith("eyJ")
    return tok


def slack_digits():
    return str(ri(10 ** 9, 10 ** 12 - 1))


def slack_bot():
    return "xoxb-%s-%s-%s" % (slack_digits(), str(ri(10 ** 11, 10 ** 13 - 1)), rs(ALNUM, 24))


def slack_user():
    return "xoxp-%s-%s-%s-%s" % (slack_digits(), slack_digits(), slack_digits(), rs(HEX, 32))


def slack_legacy():
    return "xoxs-%s-%s-%s-%s" % (slack_digits(), slack_digits(), slack_digits(), rs(HEX, 32))


def slack_app():
    return "xapp-1-A%s-%s-%s" % (rs(UPALNUM, 10), str(ri(10 ** 12, 10 ** 13 - 1)), rs(HEX, 64))


def slack_config():
    return "xoxe.xoxp-1-" + rs(ALNUM, ri(140, 160))


def slack_refresh():
    return "xoxe-1-" + rs(ALNUM, ri(130, 150))


def slack_webhook():
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(UPALNUM, ri(8, 10)), rs(UPALNUM, ri(8, 10)), rs(ALNUM, 24))


def discord_bot():
    uid = str(ri(10 ** 17, 10 ** 18 - 1))
    return b64(uid.encode()) + "." + rs(B64URL, 6) + "." + rs(B64URL, pick([27, 38]))


def discord_webhook():
    return "https://discord.com/api/webhooks/%d/%s" % (ri(10 ** 17, 10 ** 19 - 1), rs(B64URL, 68))


def teams_webhook():
    return "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (
        pick(["acme", "contoso-eng", "northwind"]), uuid4(), uuid4(), rs(HEX, 32), uuid4())


def telegram_bot():
    return "%d:AA%s" % (ri(10 ** 7, 10 ** 10 - 1), rs(B64URL, 33))


def sourcegraph_v2():
    return "sgp_%s_%s" % (rs(HEX, 16), rs(HEX, 40))


def sidekiq_creds():
    return "%s:%s" % (rs(HEX, 8), rs(HEX, 8))


def github_fine_grained():
    return "github_pat_%s_%s" % (rs(ALNUM, 22), rs(ALNUM, 59))


def atlassian_token():
    return "ATATT3xFfGF0" + rs(B64URL, ri(170, 180)) + "=" + rs(HEXU, 8)


def terraform_token():
    return rs(ALNUM, 14) + ".atlasv1." + rs(B64URL, 67)


def grafana_sa():
    return "glsa_%s_%s" % (rs(ALNUM, 32), rs(HEX, 8))


def grafana_cloud():
    meta = {"o": str(ri(100000, 999999)), "n": "stack-%d-%s" % (ri(100000, 999999), pick(["hm-read", "metrics-write", "logs-push", "alerts"])),
            "k": rs(ALNUM, 24), "m": {"r": pick(["prod-us-east-0", "prod-eu-west-2", "prod-ap-southeast-1"])}}
    return "glc_" + b64(jcompact(meta).encode())


def doppler_service():
    return "dp.st." + pick(["", "dev.", "stg.", "prd."]) + rs(ALNUM, 40)


def octopus():
    return "API-" + rs(UPALNUM, ri(26, 32))


def mapbox_secret():
    meta = {"u": pick(USERS) + str(ri(1, 99)), "a": rs(LOWALNUM, 25)}
    return "sk." + b64u(jcompact(meta).encode()) + "." + rs(B64URL, 22)


def airtable_pat():
    return "pat%s.%s" % (rs(ALNUM, 14), rs(HEX, 64))


def asana_pat():
    return "2/%d/%d:%s" % (ri(10 ** 15, 10 ** 16 - 1), ri(10 ** 15, 10 ** 16 - 1), rs(HEX, 32))


def aws_akid():
    return "AKIA" + rs(BASE32, 16)


def aws_asia():
    return "ASIA" + rs(BASE32, 16)


def aws_session():
    return b64(b"!\n\torigin_ec" + rbytes(ri(280, 420)))


def azure_storage_key():
    k = b64(rbytes(64))
    assert len(k) == 88 and k.endswith("==")
    return k


def azure_ad_secret():
    return rs(ALNUM, 3) + "8Q~" + rs(AZ_SECRET, 34)


def azure_sas_sig():
    raw = b64(rbytes(32))
    return raw.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")


def cf_origin_ca():
    return "v1.0-%s-%s" % (rs(HEX, 24), rs(HEX, 146))


def braintree():
    env = pick(["production", "production", "production", "sandbox"])
    return "access_token$%s$%s$%s" % (env, rs(LOWALNUM, 16), rs(HEX, 32))


def adyen():
    return "AQE" + rs(B64, 73) + "==-" + rs(B64, 43) + "=-" + rs(ALNUM + "<>{}[]*,", 16)


def flutterwave():
    return pick(["FLWSECK-", "FLWSECK-", "FLWSECK_TEST-"]) + rs(HEX, 32) + "-X"


def stripe_body():
    return rs(ALNUM, pick([24, 99, ri(24, 99)]))


def mailchimp():
    return rs(HEX, 32) + "-us" + str(ri(1, 21))


def facebook_token():
    return "EAA" + rs(ALNUM, ri(100, 200))


def intercom_token():
    return b64(("tok:%s:1:0" % uuid4().replace("-", "_")).encode())


def brevo():
    return "xkeysib-%s-%s" % (rs(HEX, 64), rs(ALNUM, 16))


def newrelic_license():
    return rs(HEX, 36) + "NRAL"


def sentry_org():
    meta = {"iat": round(ri(1700000000, 1790000000) + R.random(), 6), "url": "https://sentry.io",
            "region_url": pick(["https://us.sentry.io", "https://de.sentry.io"]), "org": pick(ORGS)}
    return "sntrys_" + b64(jcompact(meta).encode()).rstrip("=") + "_" + rs(B64, 43)


def dynatrace():
    return "dt0c01.%s.%s" % (rs(UPALNUM, 24), rs(UPALNUM, 64))


def elastic_key():
    return b64(("%s:%s" % (rs(B64URL, 20), rs(B64URL, 22))).encode())


def onepassword_sa():
    meta = {"signInAddress": "%s.1password.com" % pick(ORGS), "userAuth": {"method": "SRPg-4096", "alg": "PBES2g-HS256", "iterations": 650000, "salt": rs(B64URL, 22)},
            "email": "%s@%s" % (rs(LOWALNUM, 13), "1passwordserviceaccounts.com"), "srpX": rs(HEX, 64),
            "muk": {"alg": "A256GCM", "ext": True, "k": rs(B64URL, 43), "key_ops": ["encrypt", "decrypt"], "kty": "oct", "kid": "mp"},
            "secretKey": "A3-%s" % rs(UPALNUM, 30), "deviceUuid": rs(LOWALNUM, 26)}
    return "ops_" + b64(jcompact(meta).encode()).rstrip("=")


def onepassword_secret_key():
    return "A3-%s-%s-%s-%s-%s-%s" % (rs(UPALNUM, 6), rs(UPALNUM, 6), rs(UPALNUM, 5), rs(UPALNUM, 5), rs(UPALNUM, 5), rs(UPALNUM, 5))


def openai_legacy():
    return "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20)


def anthropic():
    return "sk-ant-api03-" + rs(B64URL, 93) + "AA"


def langsmith():
    return "lsv2_pt_%s_%s" % (rs(HEX, 32), rs(HEX, 10))


def django_secret():
    return "django-insecure-" + rs(LO + DG + "!@#%^&*(-_=+)", 50) if chance(0.3) else rs(LO + DG + "!@#%^&*(-_=+)", 50)


def laravel_key():
    return "base64:" + b64(rbytes(32))


# --------------------------------------------------------------------------
# surrounding vocabulary (all invented)
# --------------------------------------------------------------------------
USERS = ["alice", "bob", "carol", "dmitri", "emeka", "fatima", "guo", "hana", "ivan", "jules", "kofi",
         "lena", "marta", "nils", "omar", "priya", "quinn", "rosa", "sven", "tariq", "uma", "viktor",
         "wen", "yusuf", "zoe"]
HOSTS = ["build-agent-07", "ip-10-0-3-17", "web-02", "laptop-m2", "bastion", "ci-runner-3", "db-primary", "worker-5"]
DOMAINS = ["acme.io", "example-corp.net", "shopfront.dev", "northwind.app", "contoso-labs.com"]
ORGS = ["acme", "northwind", "shopfront", "blue-harbor", "tidewater", "kestrel-labs"]
REPOS = ["billing-api", "web-frontend", "infra", "data-pipeline", "mobile-app", "auth-service", "docs", "platform-tools"]
THREADS = ["main", "http-nio-8080-exec-3", "pool-2-thread-1", "scheduler-1", "worker-7", "kafka-consumer-0",
           "ForkJoinPool.commonPool-worker-5", "reactor-http-epoll-2"]
TENANTS = ["t-1042", "t-88", "acme-eu", "northwind-prod", "t-3310", "shopfront"]
DBS = ["app", "orders", "billing", "analytics", "users", "inventory"]
VERSIONS = ["1.4.2", "2.0.0-rc.3", "3.11.7", "0.9.14", "5.2.1", "1.27.0"]


def ts():
    return "%d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (pick([2024, 2025, 2026]), ri(1, 12), ri(1, 28), ri(0, 23),
                                               ri(0, 59), ri(0, 59), ri(0, 999))


def ts_space():
    return "%d-%02d-%02d %02d:%02d:%02d,%03d" % (pick([2024, 2025, 2026]), ri(1, 12), ri(1, 28), ri(0, 23),
                                              ri(0, 59), ri(0, 59), ri(0, 999))


def syslog_ts():
    return "%s %2d %02d:%02d:%02d" % (pick(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]),
                                    ri(1, 28), ri(0, 23), ri(0, 59), ri(0, 59))


def name_forms(name):
    parts = [p for p in name.lower().replace(".", "_").replace("-", "_").split("_") if p]
    snake = "_".join(parts)
    camel = parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])
    pascal = "".join(p[:1].upper() + p[1:] for p in parts)
    dotted = parts[0] + ("." + "-".join(parts[1:]) if len(parts) > 1 else "")
    return {"snake": snake, "camel": camel, "pascal": pascal, "dotted": dotted}


# --------------------------------------------------------------------------
# line builder with offset bookkeeping
# --------------------------------------------------------------------------
class Line:
    def __init__(self):
        self.buf = []
        self.pos = 0
        self.spans = []     # (start, end, type, value, family)
        self.negs = []      # (start, end, reason, value)
        self.ctx = None
        self.nl = "\n"

    def _raw(self, s):
        self.buf.append(s)
        self.pos += len(s)

    def t(self, s):
        self._raw(s.replace("\n", self.nl))

    def s(self, v, typ, family):
        v = v.replace("\n", self.nl)
        self.spans.append((self.pos, self.pos + len(v), typ, v, family))
        self._raw(v)

    def n(self, v, why):
        v = v.replace("\n", self.nl)
        self.negs.append((self.pos, self.pos + len(v), why, v))
        self._raw(v)

    def text(self):
        return "".join(self.buf)


class Spec:
    def __init__(self, type, family, gen, names, named=False, auth=None, url=None, n=4, extra=(),
                 tpls=None, svc=None, kind="token"):
        self.type = type
        self.family = family
        self.gen = gen
        self.names = names
        self.named = named
        self.auth = auth
        self.svc = svc or type.split("_")[0]
        self.url = url or "https://api.%s.com/v1/me" % self.svc
        rest = self.url.split("://", 1)[1]
        self.host = rest.split("/", 1)[0]
        self.path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        self.n = n
        self.extra = list(extra)
        self.tpls = tpls
        self.kind = kind


class Ctx:
    """Value being placed in a template: a secret (span) or a look-alike (negative)."""

    def __init__(self, spec, value, secret=True, label=None, name=None):
        self.spec = spec
        self.value = value
        self.secret = secret
        self.label = label or spec.type
        self.name = name or pick(spec.names)

    def emit(self, L, f=None):
        v = f(self.value) if f else self.value
        if self.secret:
            L.s(v, self.label, self.spec.family)
        else:
            L.n(v, self.label)


def kw_for(c):
    d = dict(name_forms(c.name))
    step = ri(2, 9)
    d.update(name=c.name, svc=c.spec.svc, url=c.spec.url, host=c.spec.host, path=c.spec.path,
             ts=ts(), ts2=ts_space(), syslog=syslog_ts(), user=pick(USERS), user2=pick(USERS),
             thread=pick(THREADS), pid=ri(1000, 65000), port=pick([3000, 8080, 8443, 5000, 9000]),
             n=ri(1000, 99999), step=step, steps=step + ri(1, 8), line=ri(20, 900), hist=ri(100, 2999),
             hhmm="%02d:%02d" % (ri(7, 22), ri(0, 59)), tenant=pick(TENANTS), ver=pick(VERSIONS),
             repo=pick(REPOS), db=pick(DBS), lvl=pick(["INFO", "WARN", "DEBUG"]), ms=ri(3, 900),
             size=ri(100, 90000), org=pick(ORGS), dom=pick(DOMAINS), hostname=pick(HOSTS),
             rid="req-" + rs(HEX, 8))
    return d


def subst(s, kw):
    for k, v in kw.items():
        s = s.replace("{" + k + "}", str(v))
    return s


def fill(L, tmpl, kw, emit):
    parts = tmpl.split("@V@")
    for i, p in enumerate(parts):
        if i:
            emit(L)
        L.t(subst(p, kw))


def from_str(ctx, tmpl):
    def f(L, c):
        L.ctx = ctx
        fill(L, tmpl, kw_for(c), c.emit)
    f.ctx = ctx
    return f


# --------------------------------------------------------------------------
# templates in which the value sits next to its NAME
# --------------------------------------------------------------------------
NAMED_SRC = [
    ("config:dotenv", "{name}=@V@"),
    ("config:dotenv", '{name}="@V@"'),
    ("config:dotenv", "# {svc} credentials\n{name}='@V@'\n"),
    ("config:dotenv", "NODE_ENV=production\nPORT={port}\n{name}=@V@\nLOG_LEVEL=info"),
    ("config:dotenv", "export {name}=@V@"),
    ("config:yaml", "{snake}: @V@"),
    ("config:yaml", "{svc}:\n  enabled: true\n  {snake}: \"@V@\"\n  timeout: 30s"),
    ("config:yaml", "integrations:\n  {svc}:\n    endpoint: {url}\n    credentials:\n      {snake}: '@V@'"),
    ("config:json", '{"{camel}": "@V@"}'),
    ("config:json", '{\n  "{svc}": {\n    "{camel}": "@V@",\n    "retries": 3\n  }\n}'),
    ("config:properties", "{dotted}=@V@"),
    ("config:properties", "# {svc}\n{dotted} = @V@\n{svc}.timeout-ms=5000"),
    ("config:xml", '<add key="{pascal}" value="@V@" />'),
    ("config:xml", '<appSettings>\n  <add key="Environment" value="Production" />\n  <add key="{pascal}" value="@V@" />\n</appSettings>'),
    ("config:ini", "[{svc}]\n{snake} = @V@"),
    ("config:toml", '[{svc}]\n{snake} = "@V@"\nregion = "eu-west-1"'),
    ("config:hcl", 'variable "{snake}" {\n  type      = string\n  default   = "@V@"\n  sensitive = true\n}'),
    ("config:hcl", 'resource "kubernetes_secret" "{svc}" {\n  data = {\n    {snake} = "@V@"\n  }\n}'),
    ("config:k8s", 'containers:\n  - name: api\n    image: registry.internal/api:{ver}\n    env:\n      - name: {name}\n        value: "@V@"'),
    ("config:compose", "services:\n  worker:\n    image: acme/worker:latest\n    environment:\n      - {name}=@V@"),
    ("config:compose", 'services:\n  web:\n    environment:\n      {name}: @V@\n      PORT: "{port}"'),
    ("ci", "env:\n  {name}: @V@\njobs:\n  deploy:\n    runs-on: ubuntu-latest"),
    ("ci", "Step {step}/{steps} : ENV {name}=@V@"),
    ("ci", "#{step} [{step}/{steps}] RUN {name}=@V@ ./scripts/release.sh\n#{step} DONE 2.1s"),
    ("ci", "+ export {name}=@V@\n+ ./gradlew publish --no-daemon"),
    ("ci", "[Pipeline] sh\n+ {name}=@V@ make deploy"),
    ("log", "{ts} DEBUG [{thread}] c.a.config.EnvLoader - resolved {name}=@V@"),
    ("log", "{ts2} INFO  {pid} --- [main] o.s.b.SpringApplication : property {dotted}=@V@ loaded from environment"),
    ("log", '{"ts":"{ts}","level":"debug","logger":"settings","msg":"effective config","{snake}":"@V@","request_id":"{rid}"}'),
    ("log", "{syslog} {hostname} app[{pid}]: WARN env dump: {name}=@V@"),
    ("shell", "export {name}=@V@"),
    ("shell", '  {hist}  export {name}="@V@"'),
    ("shell", "{name}=@V@ npm run deploy"),
    ("shell", 'echo "{name}=@V@" >> .env.production'),
    ("shell", "kubectl create secret generic {svc}-creds --from-literal={snake}=@V@ -n prod"),
    ("shell", "heroku config:set {name}=@V@ -a {org}-api"),
    ("chat", "the {name} for staging is @V@, prod one is in the vault"),
    ("chat", "{user}: can you set {name}=@V@ on the runner? mine expired"),
    ("chat", "Ticket #{n} - customer says their {snake} (@V@) stopped working after the upgrade"),
    ("code:java", 'private static final String {name} = "@V@";'),
    ("code:java", 'System.setProperty("{dotted}", "@V@");'),
    ("code:java", "@Bean\nConfig {camel}Config() {\n    return Config.builder().{camel}(\"@V@\").build();\n}"),
    ("code:python", '{snake} = "@V@"'),
    ("code:python", "os.environ[\"{name}\"] = '@V@'"),
    ("code:python", 'settings = {\n    "{snake}": "@V@",\n    "debug": False,\n}'),
    ("code:js", "const {camel} = '@V@';"),
    ("code:js", 'process.env.{name} = "@V@";'),
    ("code:js", "module.exports = {\n  {camel}: `@V@`,\n  region: \"us-east-1\",\n};"),
    ("code:go", '{camel} := "@V@"'),
    ("code:go", 'os.Setenv("{name}", "@V@")'),
    ("code:go", 'var cfg = Config{\n\t{pascal}: "@V@",\n\tTimeout: 30 * time.Second,\n}'),
    ("stacktrace", "java.lang.IllegalStateException: rejected {name}=@V@ (401 from {host})\n\tat com.acme.client.AuthInterceptor.intercept(AuthInterceptor.java:{line})\n\tat okhttp3.internal.http.RealInterceptorChain.proceed(RealInterceptorChain.kt:109)"),
    ("stacktrace", "Traceback (most recent call last):\n  File \"/app/worker.py\", line {line}, in <module>\n    client.connect()\nRuntimeError: auth failed with {snake}='@V@'"),
    ("stacktrace", "panic: auth: {name}=\"@V@\" rejected by upstream\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/cmd/agent/main.go:{line} +0x1c5"),
    ("http", "GET /v1/status?{snake}=@V@ HTTP/1.1\nHost: {host}\nAccept: */*"),
]
NAMED_T = [from_str(c, s) for c, s in NAMED_SRC]

# templates where a prefixed token appears with no name at all
BARE_SRC = [
    ("chat", "hey, use this key: @V@"),
    ("chat", "@{user} here is the temp token @V@ - rotate it after the demo pls"),
    ("chat", "Ticket #{n}: customer pasted `@V@` in the description, can someone scrub it?"),
    ("chat", "[{hhmm}] <{user}> try @V@ instead, the other one got revoked"),
    ("chat", "Subject: Re: API access\n\nHi {user2},\n\nyour new credential is @V@\n\nThanks,\n{user}"),
    ("log", "{ts} INFO  [{thread}] AuthFilter - accepted credential @V@ for tenant {tenant}"),
    ("log", "{ts} WARN  upstream rejected @V@ (status=401, request_id={rid})"),
    ("log", "{ts} [{lvl}] sync: using \"@V@\" for {host}"),
    ("ci", "$ ./scripts/publish.sh --token @V@\nPublishing artifacts... done"),
    ("ci", "##[debug]Evaluating: @V@\n##[debug]Result: true"),
    ("ci", "Running with gitlab-runner 17.2.0\n$ deploy --api-token=@V@ --env prod"),
    ("code:java", 'Client client = new Client("@V@");'),
    ("code:python", 'client = Client("@V@", timeout=10)'),
    ("code:js", "const client = new Client({ auth: '@V@' });"),
    ("code:go", 'client := NewClient("@V@", WithTimeout(10*time.Second))'),
    ("stacktrace", "com.acme.api.UnauthorizedException: invalid token '@V@'\n\tat com.acme.api.Client.send(Client.java:{line})\n\tat com.acme.jobs.SyncJob.run(SyncJob.java:57)"),
    ("stacktrace", "Error: Request failed with status code 403 (token @V@)\n    at createError (/app/node_modules/axios/lib/core/createError.js:16:15)\n    at settle (/app/node_modules/axios/lib/core/settle.js:17:12)"),
]
BARE_T = [from_str(c, s) for c, s in BARE_SRC]


# --------------------------------------------------------------------------
# auth-header templates (curl, raw HTTP, code)
# --------------------------------------------------------------------------
def parse_auth(a):
    if a is None:
        return None, None, None
    parts = a.split(":", 2)
    kind = parts[0]
    if kind == "hdr":
        return "hdr", parts[1], parts[2] if len(parts) > 2 else ""
    if kind == "query":
        return "query", parts[1], ""
    if kind == "bearer":
        return "hdr", "Authorization", "Bearer "
    if kind == "token":
        return "hdr", "Authorization", "token "
    return kind, None, None


def t_curl(L, c):
    L.ctx = "shell"
    k = kw_for(c)
    kind, hdr, pre = parse_auth(c.spec.auth)
    lead = pick(["", "$ ", "  %d  " % k["hist"]])
    if kind == "hdr":
        tm = pick(['curl -sS -H "%s: %s@V@" {url}', "curl {url} -H '%s: %s@V@' -H 'Accept: application/json'",
                   'curl -X POST {url} \\\n  -H "%s: %s@V@" \\\n  -H "Content-Type: application/json" \\\n  -d \'{"dry_run":true}\''])
        tm = tm % (hdr, pre)
    elif kind == "query":
        tm = 'curl "{url}?%s=@V@&format=json"' % hdr
    elif kind == "basic_user":
        tm = pick(["curl {url} -u @V@:", "curl -u @V@: {url} -d amount=2000"])
    elif kind == "url":
        tm = pick(["curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"deploy finished\"}' @V@",
                   'curl -s -d \'{"content":"nightly build failed"}\' -H "Content-Type: application/json" @V@'])
    else:
        raise AssertionError("no auth")
    fill(L, lead + tm, k, c.emit)


def t_http(L, c):
    L.ctx = "http"
    if chance(0.6):
        L.nl = "\r\n"
    k = kw_for(c)
    kind, hdr, pre = parse_auth(c.spec.auth)
    if kind == "hdr":
        tm = ("%s {path} HTTP/1.1\nHost: {host}\n%s: %s@V@\nContent-Type: application/json\nUser-Agent: acme-sync/{ver}\n\n{\"limit\":50}"
              % (pick(["GET", "POST"]), hdr, pre))
    elif kind == "query":
        tm = "GET {path}?%s=@V@ HTTP/1.1\nHost: {host}\nAccept: application/json\n" % hdr
    else:
        raise AssertionError("no auth")
    fill(L, tm, k, c.emit)


def t_curl_verbose(L, c):
    L.ctx = "http"
    k = kw_for(c)
    kind, hdr, pre = parse_auth(c.spec.auth)
    tm = ("* Connected to {host} (203.0.113.%d) port 443\n> GET {path} HTTP/2\n> Host: {host}\n> user-agent: curl/8.5.0\n"
          "> %s: %s@V@\n> accept: */*\n>\n< HTTP/2 %s" % (ri(2, 250), hdr.lower(), pre, pick(["200", "401", "403"])))
    fill(L, tm, k, c.emit)


def t_code_header(L, c):
    k = kw_for(c)
    kind, hdr, pre = parse_auth(c.spec.auth)
    lang = pick(["python", "js", "go", "java"])
    L.ctx = "code:" + lang
    if kind == "url":
        tm = {"python": 'requests.post("@V@", json={"text": message}, timeout=5)',
              "js": 'await fetch("@V@", { method: "POST", body: JSON.stringify({ text }) });',
              "go": 'resp, err := http.Post("@V@", "application/json", bytes.NewReader(body))',
              "java": 'HttpRequest req = HttpRequest.newBuilder(URI.create("@V@")).POST(BodyPublishers.ofString(json)).build();'}[lang]
    elif kind == "basic_user":
        tm = {"python": 'resp = requests.get("{url}", auth=("@V@", ""))',
              "js": 'const auth = Buffer.from("@V@:").toString("base64");',
              "go": 'req.SetBasicAuth("@V@", "")',
              "java": 'String creds = "@V@" + ":";'}[lang]
    elif kind == "query":
        tm = {"python": 'resp = requests.get("{url}", params={"%s": "@V@", "q": query})' % hdr,
              "js": 'const res = await fetch(`{url}?%s=@V@&q=${q}`);' % hdr,
              "go": 'u := "{url}?%s=@V@&q=" + url.QueryEscape(q)' % hdr,
              "java": 'String endpoint = "{url}?%s=@V@";' % hdr}[lang]
    else:
        tm = {"python": 'resp = requests.get("{url}", headers={"%s": "%s@V@"})' % (hdr, pre),
              "js": 'const res = await fetch("{url}", { headers: { "%s": "%s@V@" } });' % (hdr, pre),
              "go": 'req.Header.Set("%s", "%s@V@")' % (hdr, pre),
              "java": '.header("%s", "%s@V@")' % (hdr, pre)}[lang]
    fill(L, tm, k, c.emit)


AUTH_T = [
    (t_curl, lambda s: s.auth is not None),
    (t_http, lambda s: parse_auth(s.auth)[0] in ("hdr", "query")),
    (t_curl_verbose, lambda s: parse_auth(s.auth)[0] == "hdr"),
    (t_code_header, lambda s: s.auth is not None),
]


# --------------------------------------------------------------------------
# templates for multi-line PEM / armored values
# --------------------------------------------------------------------------
def indent(n):
    pad = " " * n
    return lambda v: v.replace("\n", "\n" + pad)


def esc_nl(v):
    return v.replace("\n", "\\n")


def t_pem_file(L, c):
    k = kw_for(c)
    style = ri(0, 2)
    if style == 0:
        L.ctx = "config:keyfile"
        c.emit(L)
        L.t("\n")
    elif style == 1:
        L.ctx = "shell"
        L.t(subst(pick(["$ cat ~/.ssh/id_{svc}\n", "$ cat deploy/{svc}.key\n", "root@{hostname}:~# cat /etc/ssl/private/{svc}.pem\n"]), k))
        c.emit(L)
        L.t("\n$ ")
    else:
        L.ctx = "ci"
        L.t(subst("+ echo \"$%s\" > key.pem\n+ cat key.pem\n" % c.name, k))
        c.emit(L)


def t_pem_yaml(L, c):
    L.ctx = "config:yaml"
    L.t(subst("{svc}:\n  {snake}: |\n    ", kw_for(c)))
    c.emit(L, indent(4))


def t_pem_json(L, c):
    L.ctx = "config:json"
    L.t(subst('{\n  "{camel}": "', kw_for(c)))
    c.emit(L, esc_nl)
    L.t('\\n",\n  "rotate_after_days": 90\n}')


def t_pem_env(L, c):
    L.ctx = "config:dotenv"
    if chance(0.5):
        L.t('%s="' % c.name)
        c.emit(L)
        L.t('"')
    else:
        L.t('%s="' % c.name)
        c.emit(L, esc_nl)
        L.t('"')


def t_pem_chat(L, c):
    L.ctx = "chat"
    L.t(subst(pick(["{user}: here's the key for the {svc} box, don't share it\n```\n",
                    "Ticket #{n}: attached the key the vendor sent us:\n\n",
                    "can someone check why this doesn't load?\n"]), kw_for(c)))
    c.emit(L)
    L.t(pick(["\n```", "\n\nthanks", ""]))


def t_pem_log(L, c):
    L.ctx = "log"
    L.t(subst("{ts} DEBUG [{thread}] c.a.crypto.KeyLoader - loaded key material:\n", kw_for(c)))
    c.emit(L)


def t_pem_code(L, c):
    k = kw_for(c)
    lang = pick(["python", "java", "go", "js"])
    L.ctx = "code:" + lang
    if lang == "python":
        L.t(subst('{snake} = """', k))
        c.emit(L)
        L.t('"""')
    elif lang == "java":
        L.t(subst('private static final String {name} = """\n', k))
        c.emit(L)
        L.t('\n""";')
    elif lang == "go":
        L.t(subst("const {camel} = `", k))
        c.emit(L)
        L.t("`")
    else:
        L.t(subst("const {camel} = '", k))
        c.emit(L, esc_nl)
        L.t("';")


def t_pem_k8s(L, c):
    L.ctx = "config:k8s"
    L.t(subst("apiVersion: v1\nkind: Secret\nmetadata:\n  name: {svc}-keys\n  namespace: prod\ntype: Opaque\nstringData:\n  {snake}: |\n    ", kw_for(c)))
    c.emit(L, indent(4))


def t_pem_hcl(L, c):
    L.ctx = "config:hcl"
    L.t(subst('resource "tls_self_signed_cert" "{svc}" {\n  private_key_pem = <<EOT\n', kw_for(c)))
    c.emit(L)
    L.t("\nEOT\n  validity_period_hours = 8760\n}")


PEM_T = [t_pem_file, t_pem_yaml, t_pem_json, t_pem_env, t_pem_chat, t_pem_log, t_pem_code, t_pem_k8s, t_pem_hcl]


# --------------------------------------------------------------------------
# provider-specific templates
# --------------------------------------------------------------------------
def t_age_keyfile(L, c):
    L.ctx = "config:keyfile"
    L.t("# created: %s\n# public key: " % ts()[:19])
    L.n(age_public(), "age_public_key")
    L.t("\n")
    c.emit(L)


def t_sops_env(L, c):
    L.ctx = "ci"
    L.t("+ export SOPS_AGE_KEY=")
    c.emit(L)
    L.t("\n+ sops -d secrets/prod.enc.yaml > /tmp/prod.yaml")


def s_lines(src):
    return [from_str(c, s) for c, s in src]


GIT_GH = s_lines([
    ("shell", "git clone https://@V@@github.com/{org}/{repo}.git"),
    ("config:git", '[remote "origin"]\n\turl = https://{user}:@V@@github.com/{org}/{repo}.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*'),
])
GIT_GHS = s_lines([
    ("ci", "+ git push https://x-access-token:@V@@github.com/{org}/{repo}.git HEAD:main"),
    ("shell", "git remote set-url origin https://x-access-token:@V@@github.com/{org}/{repo}.git"),
])
GIT_GLPAT = s_lines([
    ("shell", "git remote add origin https://oauth2:@V@@gitlab.com/{org}/{repo}.git"),
    ("config:git", '[remote "origin"]\n\turl = https://oauth2:@V@@gitlab.com/{org}/{repo}.git'),
])
GIT_GLDT = s_lines([("ci", "$ git clone https://gitlab+deploy-token-{n}:@V@@gitlab.com/{org}/{repo}.git")])
GIT_BB = s_lines([("shell", "git clone https://{user}:@V@@bitbucket.org/{org}/{repo}.git"),
                  ("shell", "curl -u {user}:@V@ https://api.bitbucket.org/2.0/repositories/{org}")])
GIT_ADO = s_lines([("shell", "git clone https://{user}:@V@@dev.azure.com/{org}/Platform/_git/{repo}"),
                   ("ci", "##[command]git remote add origin https://build:@V@@dev.azure.com/{org}/Platform/_git/{repo}")])
NPMRC = s_lines([
    ("config:npmrc", "//registry.npmjs.org/:_authToken=@V@"),
    ("config:npmrc", "registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=@V@\nalways-auth=true"),
    ("ci", "+ echo \"//registry.npmjs.org/:_authToken=@V@\" > ~/.npmrc\n+ npm publish --access public"),
])
PYPIRC = s_lines([
    ("config:pypirc", "[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = @V@"),
    ("shell", "twine upload -u __token__ -p @V@ dist/*"),
])
DOCKER_LOGIN = s_lines([
    ("shell", "docker login -u {user} -p @V@"),
    ("ci", "+ echo @V@ | docker login --username {org}ci --password-stdin\nLogin Succeeded"),
])
GEM_CREDS = s_lines([("config:yaml", "---\n:rubygems_api_key: @V@"),
                     ("shell", "gem push pkg/{repo}-{ver}.gem --key @V@")])
NUGET_PUSH = s_lines([("ci", "dotnet nuget push bin/Release/*.nupkg --api-key @V@ --source https://api.nuget.org/v3/index.json")])
CLOJARS = s_lines([("config:edn", '{#"clojars" {:username "{user}" :password "@V@"}}'),
                   ("shell", "CLOJARS_USERNAME={user} CLOJARS_PASSWORD=@V@ clojure -T:build deploy")])
TFRC = s_lines([("config:hcl", 'credentials "app.terraform.io" {\n  token = "@V@"\n}'),
                ("config:json", '{\n  "credentials": {\n    "app.terraform.io": {\n      "token": "@V@"\n    }\n  }\n}')])
VAULT_LOGIN = s_lines([("shell", "vault login @V@"), ("shell", "export VAULT_ADDR=https://vault.internal:8200 VAULT_TOKEN=@V@")])
SONAR = s_lines([("ci", "+ mvn -B verify sonar:sonar -Dsonar.projectKey={org}_{repo} -Dsonar.token=@V@"),
                 ("config:properties", "sonar.host.url=https://sonarcloud.io\nsonar.login=@V@")])
GLRT = s_lines([("shell", "gitlab-runner register --non-interactive --url https://gitlab.com --token @V@ --executor docker"),
                ("config:toml", '[[runners]]\n  name = "{hostname}"\n  url = "https://gitlab.com"\n  token = "@V@"\n  executor = "docker"')])
GLPTT = s_lines([("shell", "curl -X POST --fail -F token=@V@ -F ref=main https://gitlab.com/api/v4/projects/{n}/trigger/pipeline")])
ATL = s_lines([("shell", "curl -u {user}@{dom}:@V@ -H 'Accept: application/json' https://{org}.atlassian.net/rest/api/3/myself"),
               ("config:properties", "jira.url=https://{org}.atlassian.net\njira.user={user}@{dom}\njira.api-token=@V@")])
HEROKU_NETRC = s_lines([("config:netrc", "machine api.heroku.com\n  login {user}@{dom}\n  password @V@\nmachine git.heroku.com\n  login {user}@{dom}\n  password @V@")])
AWS_CONF = s_lines([("shell", "aws configure set aws_access_key_id @V@ --profile {org}-prod")])
MAILGUN = s_lines([("shell", "curl -s --user 'api:@V@' https://api.mailgun.net/v3/mg.{dom}/messages -F to={user}@{dom} -F subject=test")])
TELEGRAM = s_lines([("shell", 'curl -s "https://api.telegram.org/bot@V@/sendMessage" -d chat_id=-100{n} -d text="deploy ok"'),
                    ("code:python", 'TELEGRAM_URL = f"https://api.telegram.org/bot@V@/sendMessage"')])
ZENDESK = s_lines([("shell", "curl https://{org}.zendesk.com/api/v2/tickets.json -u {user}@{dom}/token:@V@")])
TWILIO_SK = s_lines([("shell", "curl -X POST https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Messages.json -u @V@:$TWILIO_API_SECRET")])
STRIPE_CLI = s_lines([("shell", "stripe listen --forward-to localhost:{port}/webhooks --api-key @V@")])
WHSEC = s_lines([("code:js", "const event = stripe.webhooks.constructEvent(req.body, sig, '@V@');"),
                 ("log", "{ts} INFO  stripe-cli: Ready! Your webhook signing secret is @V@ (^C to quit)")])
TF_AZ = s_lines([("config:hcl", 'provider "azurerm" {\n  features {}\n  client_id     = "{uuid}"\n  client_secret = "@V@"\n}')])


def t_aws_credfile(L, c):
    L.ctx = "config:ini"
    L.t("[%s]\naws_access_key_id = " % pick(["default", "prod", "%s-admin" % pick(ORGS)]))
    c.emit(L)
    L.t("\naws_secret_access_key = ")
    L.s(rs(B64, 40), "aws_secret_access_key", "cloud")
    if chance(0.4):
        L.t("\nregion = %s" % pick(["us-east-1", "eu-central-1", "ap-southeast-2"]))


def t_aws_sts(L, c):
    L.ctx = "shell"
    L.t('$ aws sts assume-role --role-arn arn:aws:iam::%d:role/deployer --role-session-name ci\n{\n    "Credentials": {\n        "AccessKeyId": "' % ri(10 ** 11, 10 ** 12 - 1))
    c.emit(L)
    L.t('",\n        "SecretAccessKey": "')
    L.s(rs(B64, 40), "aws_secret_access_key", "cloud")
    L.t('",\n        "SessionToken": "')
    L.s(aws_session(), "aws_session_token", "cloud")
    L.t('",\n        "Expiration": "%s"\n    }\n}' % ts()[:19])


def t_aws_java(L, c):
    L.ctx = "code:java"
    L.t("AwsBasicCredentials creds = AwsBasicCredentials.create(\"")
    c.emit(L)
    L.t('", "')
    L.s(rs(B64, 40), "aws_secret_access_key", "cloud")
    L.t('");')


def t_gcp_sa(L, c):
    L.ctx = "config:json"
    proj = "%s-%s-%d" % (pick(ORGS), pick(["prod", "staging", "data"]), ri(100000, 999999))
    sa = pick(["deployer", "ci-runner", "bq-export", "terraform"])
    L.t('{\n  "type": "service_account",\n  "project_id": "%s",\n  "private_key_id": "' % proj)
    L.n(rs(HEX, 40), "key_identifier")
    L.t('",\n  "private_key": "')
    c.emit(L, esc_nl)
    L.t('\\n",\n  "client_email": "%s@%s.iam.gserviceaccount.com",\n  "client_id": "%d",\n'
        '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",\n  "token_uri": "https://oauth2.googleapis.com/token"\n}'
        % (sa, proj, ri(10 ** 20, 10 ** 21 - 1)))


def t_gcp_sa_inline(L, c):
    L.ctx = pick(["log", "ci"])
    L.t('%s GOOGLE_APPLICATION_CREDENTIALS_JSON={"type":"service_account","private_key":"' % (ts() if L.ctx == "log" else "+ export"))
    c.emit(L, esc_nl)
    L.t('\\n","client_email":"ci@%s.iam.gserviceaccount.com"}' % pick(ORGS))


def t_gcp_sa_env(L, c):
    L.ctx = "config:dotenv"
    L.t("GCP_SA_PRIVATE_KEY=\"")
    c.emit(L, esc_nl)
    L.t('\\n"')


def t_azure_storage(L, c):
    k = kw_for(c)
    acct = "%s%s" % (pick(ORGS).replace("-", ""), pick(["prod", "logs", "backup", "data"]))
    pre = "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=" % acct
    post = ";EndpointSuffix=core.windows.net"
    style = ri(0, 4)
    if style == 0:
        L.ctx = "config:dotenv"
        L.t('AZURE_STORAGE_CONNECTION_STRING="' + pre)
        c.emit(L)
        L.t(post + '"')
    elif style == 1:
        L.ctx = "config:json"
        L.t('{\n  "ConnectionStrings": {\n    "Blob": "' + pre)
        c.emit(L)
        L.t(post + '"\n  }\n}')
    elif style == 2:
        L.ctx = "log"
        L.t("%s ERROR [%s] StorageClient - failed to open container 'uploads' with %s" % (k["ts"], k["thread"], pre))
        c.emit(L)
        L.t(post)
    elif style == 3:
        L.ctx = "code:csharp"
        L.t('var client = new BlobServiceClient("' + pre)
        c.emit(L)
        L.t(post + '");')
    else:
        L.ctx = "shell"
        L.t("az storage blob upload --account-name %s --account-key " % acct)
        c.emit(L)
        L.t(" -c backups -f db.dump -n db-%s.dump" % k["ts"][:10])


def t_azure_sas(L, c):
    k = kw_for(c)
    st = ts()[:19] + "Z"
    pre = ("https://%s%s.blob.core.windows.net/%s/%s?sv=2022-11-02&ss=b&srt=co&sp=rl&se=%s&st=%s&spr=https&sig="
           % (pick(ORGS).replace("-", ""), pick(["data", "logs"]), pick(["exports", "backups"]), pick(["db.bak", "report.csv"]), st, st))
    style = ri(0, 2)
    if style == 0:
        L.ctx = "shell"
        L.t("azcopy copy '" + pre)
        c.emit(L)
        L.t("' ./restore/")
    elif style == 1:
        L.ctx = "chat"
        L.t("%s: download link for the export (valid 24h): %s" % (k["user"], pre))
        c.emit(L)
    else:
        L.ctx = "log"
        L.t("%s INFO  fetching %s" % (k["ts"], pre))
        c.emit(L)


URL_WRAPS = [
    ("config:dotenv", "DATABASE_URL=@URL@"),
    ("config:yaml", "datasource:\n  url: \"@URL@\"\n  pool: 10"),
    ("log", "{ts} INFO  [{thread}] db - connecting to @URL@ (attempt 1/5)"),
    ("stacktrace", "sqlalchemy.exc.OperationalError: could not connect to server: Connection refused\n(Background on this error at: @URL@)"),
    ("code:python", 'engine = create_engine("@URL@", pool_pre_ping=True)'),
    ("code:js", "const client = new Client({ connectionString: '@URL@' });"),
    ("shell", "psql '@URL@' -c 'select 1'"),
    ("chat", "{user}: use @URL@ for the read replica"),
]


def mk_url_tpls(url, wraps=URL_WRAPS, drop=()):
    return [from_str(ctx, w.replace("@URL@", url)) for ctx, w in wraps if ctx not in drop]


MONGO_T = mk_url_tpls("mongodb+srv://{user}:@V@@cluster0.{rnd5}.mongodb.net/{db}?retryWrites=true&w=majority", drop=("shell",)) + \
    s_lines([("shell", "mongosh \"mongodb+srv://cluster0.{rnd5}.mongodb.net/{db}\" --username {user} --password @V@")])
PG_T = mk_url_tpls("postgres://{user}:@V@@{dbhost}:5432/{db}") + \
    mk_url_tpls("postgresql://{user}:@V@@{dbhost}:5432/{db}?sslmode=require", [URL_WRAPS[0], URL_WRAPS[2]])
MYSQL_T = mk_url_tpls("mysql://root:@V@@{dbhost}:3306/{db}", drop=("shell",)) + \
    s_lines([("config:properties", "spring.datasource.url=jdbc:mysql://{dbhost}:3306/{db}?user={user}&password=@V@&useSSL=true")])
REDIS_T = mk_url_tpls("redis://:@V@@cache.internal:6379/0", drop=("shell", "stacktrace")) + \
    mk_url_tpls("rediss://default:@V@@{rnd5}.upstash.io:6379", [URL_WRAPS[0], URL_WRAPS[4]]) + \
    s_lines([("shell", "redis-cli -h cache.internal -a @V@ --no-auth-warning info")])
PSCALE_T = mk_url_tpls("mysql://{rnd5}:@V@@aws.connect.psdb.cloud/{db}?sslaccept=strict", drop=("shell",))
SENTRY_T = s_lines([
    ("config:dotenv", "SENTRY_DSN=https://@V@@o{n}.ingest.sentry.io/{n2}"),
    ("code:js", 'Sentry.init({ dsn: "https://@V@@o{n}.ingest.us.sentry.io/{n2}", tracesSampleRate: 0.1 });'),
    ("code:python", 'sentry_sdk.init(dsn="https://@V@@o{n}.ingest.sentry.io/{n2}", environment="prod")'),
    ("config:yaml", "sentry:\n  dsn: https://@V@@o{n}.ingest.de.sentry.io/{n2}"),
    ("log", "{ts} DEBUG sentry: Using DSN https://@V@@o{n}.ingest.sentry.io/{n2}"),
    ("config:properties", "sentry.dsn=https://@V@@o{n}.ingest.sentry.io/{n2}"),
])
SIDEKIQ_T = s_lines([
    ("config:dotenv", "BUNDLE_ENTERPRISE__CONTRIBSYS__COM=@V@"),
    ("shell", "bundle config --local enterprise.contribsys.com @V@"),
    ("config:ruby", "source \"https://@V@@enterprise.contribsys.com/\" do\n  gem \"sidekiq-pro\"\n  gem \"sidekiq-ent\"\nend"),
    ("ci", "Step {step}/{steps} : ENV BUNDLE_ENTERPRISE__CONTRIBSYS__COM=@V@"),
    ("config:yaml", "---\nBUNDLE_ENTERPRISE__CONTRIBSYS__COM: \"@V@\""),
    ("log", "Fetching gem metadata from https://@V@@enterprise.contribsys.com/.."),
])
WEBHOOK_EXTRA = s_lines([
    ("config:dotenv", "{name}=@V@"),
    ("config:yaml", "notifications:\n  {svc}:\n    webhook_url: @V@\n    channel: \"#deploys\""),
    ("code:python", "requests.post(\"@V@\", json={\"text\": msg})"),
    ("chat", "{user}: I pointed the alerts at @V@ for now"),
    ("ci", "+ curl -fsS -X POST -d @payload.json @V@"),
])

SPRING_PW = s_lines([
    ("config:properties", "spring.datasource.url=jdbc:postgresql://{dbhost}:5432/{db}\nspring.datasource.username={user}\nspring.datasource.password=@V@"),
    ("config:yaml", "spring:\n  datasource:\n    url: jdbc:postgresql://{dbhost}:5432/{db}\n    username: {user}\n    password: @V@"),
    ("config:yaml", "database:\n  primary:\n    host: {dbhost}\n    user: {user}\n    password: \"@V@\""),
    ("config:ini", "[database]\nhost = {dbhost}\nuser = {user}\npassword = @V@"),
    ("config:hcl", 'resource "aws_db_instance" "{db}" {\n  engine   = "postgres"\n  username = "{user}"\n  password = "@V@"\n}'),
    ("config:xml", '<appSettings>\n  <add key="UserName" value="{user}" />\n  <add key="Password" value="@V@"/>\n</appSettings>'),
    ("config:json", '{"db": {"host": "{dbhost}", "user": "{user}", "password": "@V@"}}'),
    ("config:ini", "[client]\nuser={user}\npassword=@V@\nhost={dbhost}"),
])
APIKEY_JSON = s_lines([
    ("config:json", '{\n  "apiKey": "@V@",\n  "baseUrl": "https://api.{dom}/v2"\n}'),
    ("config:yaml", "client:\n  api_key: @V@\n  base_url: https://api.{dom}/v2"),
    ("shell", "export API_KEY=@V@"),
])
CONNSTR_T = s_lines([
    ("config:xml", '<connectionStrings>\n  <add name="Default" connectionString="Server=tcp:{org}-sql.database.windows.net,1433;Database={db};User ID={user};Password=@V@;Encrypt=True;" providerName="System.Data.SqlClient" />\n</connectionStrings>'),
    ("config:json", '{\n  "ConnectionStrings": {\n    "DefaultConnection": "Server={dbhost};Database={db};User Id={user};Password=@V@;TrustServerCertificate=True"\n  }\n}'),
    ("config:dotenv", 'SQLSERVER_CONNECTION="Data Source={dbhost};Initial Catalog={db};User ID={user};Password=@V@;"'),
    ("log", "{ts} ERROR [{thread}] Login failed for connection 'Server={dbhost};Database={db};Uid={user};Pwd=@V@;'"),
    ("code:csharp", 'var conn = new SqlConnection("Server={dbhost};Database={db};User Id={user};Password=@V@;");'),
    ("config:properties", "db.url=jdbc:sqlserver://{dbhost}:1433;databaseName={db};user={user};password=@V@;encrypt=true"),
])
NETRC_T = s_lines([
    ("config:netrc", "machine {nethost}\n  login {user}\n  password @V@"),
    ("config:netrc", "machine {nethost} login {user} password @V@"),
    ("config:netrc", "default login anonymous password guest\nmachine {nethost}\nlogin {user}\npassword @V@"),
])
NUGET_T = s_lines([
    ("config:xml", '<packageSourceCredentials>\n  <{org}Feed>\n    <add key="Username" value="{user}" />\n    <add key="ClearTextPassword" value="@V@" />\n  </{org}Feed>\n</packageSourceCredentials>'),
    ("config:xml", '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <packageSourceCredentials>\n    <internal>\n      <add key="Username" value="build" />\n      <add key="ClearTextPassword" value="@V@" />\n    </internal>\n  </packageSourceCredentials>\n</configuration>'),
    ("shell", "dotnet nuget add source https://pkgs.{dom}/nuget/v3/index.json -n internal -u {user} -p @V@ --store-password-in-clear-text"),
])
CLI_PW_T = s_lines([
    ("shell", "mysql -u root -p@V@ {db}"),
    ("shell", "  {hist}  mysql -h {dbhost} -u {user} -p@V@ -e 'show tables' {db}"),
    ("shell", "sshpass -p '@V@' ssh -o StrictHostKeyChecking=no deploy@{hostname}"),
    ("shell", "curl -u {user}:@V@ https://jenkins.{dom}/job/{repo}/build"),
    ("shell", "curl --user admin:@V@ -X PUT https://nexus.{dom}/repository/raw/{repo}.tgz -T {repo}.tgz"),
    ("shell", "PGPASSWORD=@V@ psql -h {dbhost} -U {user} {db}"),
    ("shell", "redis-cli -a @V@ -h {dbhost} ping"),
    ("shell", "keytool -importkeystore -srckeystore app.p12 -srcstoretype PKCS12 -srcstorepass @V@ -destkeystore app.jks"),
    ("shell", "openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:@V@"),
    ("ci", "+ docker login -u {user} -p @V@ registry.{dom}\nWARNING! Using --password via the CLI is insecure. Use --password-stdin."),
    ("shell", "htpasswd -b -c /etc/nginx/.htpasswd admin @V@"),
    ("ci", "[Pipeline] sh\n+ mysqldump -u backup -p@V@ --single-transaction {db}"),
])


def t_k8s_data(L, c):
    L.ctx = "config:k8s"
    L.t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-db\n  namespace: %s\ntype: Opaque\ndata:\n  %s: "
        % (pick(REPOS), pick(["prod", "staging", "default"]), pick(["password", "db-password", "POSTGRES_PASSWORD", "api-key"])))
    c.emit(L)
    if chance(0.5):
        L.t("\n  %s: " % pick(["admin-token", "redis-password", "smtp-password"]))
        L.s(b64(password().encode()), "k8s_secret_data_b64", "structured_config")


def t_k8s_data_json(L, c):
    L.ctx = "config:k8s"
    L.t('$ kubectl get secret %s-creds -o json\n{\n    "apiVersion": "v1",\n    "data": {\n        "password": "' % pick(REPOS))
    c.emit(L)
    L.t('"\n    },\n    "kind": "Secret",\n    "type": "Opaque"\n}')


def t_k8s_stringdata(L, c):
    L.ctx = "config:k8s"
    L.t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\ntype: Opaque\nstringData:\n  %s: "
        % (pick(REPOS), pick(["password", "DB_PASSWORD", "smtp_password", "admin-password"])))
    if chance(0.5):
        L.t('"')
        c.emit(L)
        L.t('"')
    else:
        c.emit(L)


def t_docker_auth(L, c):
    L.ctx = "config:json"
    reg = pick(["https://index.docker.io/v1/", "ghcr.io", "registry.gitlab.com", "%d.dkr.ecr.us-east-1.amazonaws.com" % ri(10 ** 11, 10 ** 12 - 1), "registry.%s" % pick(DOMAINS)])
    L.t('{\n  "auths": {\n    "%s": {\n      "auth": "' % reg)
    c.emit(L)
    L.t('"\n    }\n  }%s\n}' % pick(["", ',\n  "credsStore": ""', ',\n  "HttpHeaders": {\n    "User-Agent": "Docker-Client/24.0.7 (linux)"\n  }']))


def t_basic_curl(L, c):
    L.ctx = "shell"
    L.t(pick(["curl -H 'Authorization: Basic ", 'curl -sS -H "Authorization: Basic ']))
    c.emit(L)
    L.t(pick(["' https://api.%s/v1/export" % pick(DOMAINS), '" https://jenkins.%s/api/json' % pick(DOMAINS)]))


def t_basic_http(L, c):
    L.ctx = "http"
    if chance(0.6):
        L.nl = "\r\n"
    L.t("GET /api/v2/reports?page=%d HTTP/1.1\nHost: reports.%s\nAuthorization: Basic " % (ri(1, 9), pick(DOMAINS)))
    c.emit(L)
    L.t("\nAccept: application/json\n")


def t_basic_log(L, c):
    L.ctx = "log"
    L.t('{"ts":"%s","level":"debug","msg":"outgoing request","method":"POST","headers":{"authorization":"Basic ' % ts())
    c.emit(L)
    L.t('","content-type":"application/json"}}')


def t_basic_nginx(L, c):
    L.ctx = "config:nginx"
    L.t("location /upstream/ {\n    proxy_pass https://backend.internal;\n    proxy_set_header Authorization \"Basic ")
    c.emit(L)
    L.t('";\n}')


def t_npm_auth(L, c):
    L.ctx = "config:npmrc"
    L.t("registry=https://npm.%s/\n_auth=" % pick(DOMAINS))
    c.emit(L)
    L.t("\nalways-auth=true")


BASIC_T = [t_basic_curl, t_basic_http, t_basic_log, t_basic_nginx, t_npm_auth]


def t_jwt_cookie(L, c):
    L.ctx = "http"
    L.t("HTTP/1.1 200 OK\nSet-Cookie: session=")
    c.emit(L)
    L.t("; Path=/; HttpOnly; Secure; SameSite=Lax\nContent-Type: text/html")


def t_jwt_json(L, c):
    L.ctx = "log"
    L.t('%s DEBUG token endpoint response: {"access_token":"' % ts())
    c.emit(L)
    L.t('","token_type":"Bearer","expires_in":3600}')


def t_jwt_query(L, c):
    L.ctx = "log"
    L.t('203.0.113.%d - - [%s] "GET /ws/notifications?access_token=' % (ri(2, 250), syslog_ts()))
    c.emit(L)
    L.t(' HTTP/1.1" 101 0 "-" "Mozilla/5.0"')


# --------------------------------------------------------------------------
# the provider table
# --------------------------------------------------------------------------
SPECS = []


def S(*a, **k):
    s = Spec(*a, **k)
    SPECS.append(s)
    return s


PEMK = dict(kind="pem", tpls=PEM_T)

# encryption keys
S("age_secret_key", "encryption_keys", age_secret, ["SOPS_AGE_KEY", "AGE_SECRET_KEY"], n=7, extra=[t_age_keyfile, t_sops_env], svc="sops")
S("pgp_private_key_block", "encryption_keys", pgp_private_block, ["GPG_PRIVATE_KEY", "PGP_SIGNING_KEY"], n=6, svc="release", **PEMK)
S("openssh_private_key", "encryption_keys", openssh_key, ["SSH_PRIVATE_KEY", "DEPLOY_KEY"], n=7, svc="deploy", **PEMK)
S("pkcs8_private_key", "encryption_keys", pkcs8_key, ["PRIVATE_KEY", "TLS_KEY"], n=6, svc="tls", **PEMK)
S("ec_private_key", "encryption_keys", ec_key, ["EC_PRIVATE_KEY", "JWT_SIGNING_KEY"], n=5, svc="signer", **PEMK)
S("rsa_private_key", "encryption_keys", rsa_key, ["RSA_PRIVATE_KEY", "SSL_KEY"], n=5, svc="nginx", **PEMK)

# JWT
S("jwt", "jwt", jwt_token, ["ACCESS_TOKEN", "ID_TOKEN", "AUTH_TOKEN", "SESSION_TOKEN"], n=14, auth="bearer",
  url="https://api.acme.io/v1/orders", extra=[t_jwt_cookie, t_jwt_json, t_jwt_query, t_http, t_curl], svc="auth")

# Slack
SL = "https://slack.com/api/chat.postMessage"
S("slack_bot_token", "slack", slack_bot, ["SLACK_BOT_TOKEN"], n=7, auth="bearer", url=SL)
S("slack_user_token", "slack", slack_user, ["SLACK_USER_TOKEN", "SLACK_TOKEN"], n=6, auth="bearer", url=SL)
S("slack_legacy_token", "slack", slack_legacy, ["SLACK_LEGACY_TOKEN", "SLACK_TOKEN"], n=4, auth="query:token", url="https://slack.com/api/users.list")
S("slack_app_token", "slack", slack_app, ["SLACK_APP_TOKEN"], n=5, auth="bearer", url="https://slack.com/api/apps.connections.open")
S("slack_config_token", "slack", slack_config, ["SLACK_CONFIG_TOKEN"], n=3, auth="bearer", url="https://slack.com/api/apps.manifest.update")
S("slack_refresh_token", "slack", slack_refresh, ["SLACK_REFRESH_TOKEN"], n=3)
S("slack_webhook_url", "slack", slack_webhook, ["SLACK_WEBHOOK_URL", "SLACK_WEBHOOK"], n=8, auth="url", extra=WEBHOOK_EXTRA)

# developer tools
GH = "https://api.github.com/user"
S("github_pat_classic", "developer_tools", lambda: github_token("ghp_"), ["GITHUB_TOKEN", "GH_TOKEN"], n=9, auth="token", url=GH, extra=GIT_GH)
S("github_oauth_token", "developer_tools", lambda: github_token("gho_"), ["GITHUB_OAUTH_TOKEN", "GH_TOKEN"], n=5, auth="bearer", url=GH)
S("github_user_to_server_token", "developer_tools", lambda: github_token("ghu_"), ["GITHUB_APP_USER_TOKEN"], n=4, auth="bearer", url=GH)
S("github_server_to_server_token", "developer_tools", lambda: github_token("ghs_"), ["GITHUB_TOKEN", "GH_INSTALLATION_TOKEN"], n=5, auth="token", url="https://api.github.com/repos/acme/infra", extra=GIT_GHS)
S("github_refresh_token", "developer_tools", lambda: github_token("ghr_"), ["GITHUB_REFRESH_TOKEN"], n=4)
S("github_fine_grained_pat", "developer_tools", github_fine_grained, ["GITHUB_TOKEN", "GH_PAT"], n=7, auth="bearer", url=GH, extra=GIT_GH[:1])
GL = "https://gitlab.com/api/v4/projects"
S("gitlab_pat", "developer_tools", fixed("glpat-", B64URL, 20), ["GITLAB_TOKEN", "GL_TOKEN"], n=7, auth="hdr:PRIVATE-TOKEN", url=GL, extra=GIT_GLPAT)
S("gitlab_runner_token", "developer_tools", fixed("glrt-", B64URL, 20), ["RUNNER_TOKEN", "CI_SERVER_TOKEN"], n=4, extra=GLRT)
S("gitlab_deploy_token", "developer_tools", fixed("gldt-", B64URL, 20), ["GITLAB_DEPLOY_TOKEN"], n=4, auth="hdr:Deploy-Token", url=GL, extra=GIT_GLDT)
S("gitlab_pipeline_trigger_token", "developer_tools", fixed("glptt-", HEX, 40), ["TRIGGER_TOKEN"], n=3, extra=GLPTT)
S("bitbucket_app_password", "developer_tools", fixed("ATBB", ALNUM, 32), ["BITBUCKET_APP_PASSWORD"], n=4, extra=GIT_BB)
S("atlassian_api_token", "developer_tools", atlassian_token, ["JIRA_API_TOKEN", "ATLASSIAN_API_TOKEN"], n=4, extra=ATL, svc="jira")
S("sonarqube_user_token", "developer_tools", fixed("squ_", HEX, 40), ["SONAR_TOKEN"], n=4, auth="basic_user", url="https://sonarcloud.io/api/authentication/validate", extra=SONAR, svc="sonar")
S("sonarqube_project_token", "developer_tools", fixed("sqp_", HEX, 40), ["SONAR_TOKEN", "SONAR_LOGIN"], n=4, extra=SONAR[:1], svc="sonar")
S("sonarqube_analysis_token", "developer_tools", fixed("sqa_", HEX, 40), ["SONAR_TOKEN"], n=3, extra=SONAR[1:], svc="sonar")
S("snyk_api_token", "developer_tools", uuid4, ["SNYK_TOKEN", "SNYK_API_TOKEN"], named=True, n=5, auth="token", url="https://api.snyk.io/rest/self")
S("sidekiq_enterprise_credentials", "developer_tools", sidekiq_creds, ["BUNDLE_ENTERPRISE__CONTRIBSYS__COM"], n=6, tpls=SIDEKIQ_T, svc="sidekiq")
S("sourcegraph_access_token", "developer_tools", sourcegraph_v2, ["SRC_ACCESS_TOKEN"], n=4, auth="token", url="https://sourcegraph.com/.api/graphql")
S("sourcegraph_access_token_legacy", "developer_tools", fixed("sgp_", HEX, 40), ["SRC_ACCESS_TOKEN"], n=3, auth="token", url="https://sourcegraph.com/.api/graphql")
S("postman_api_key", "developer_tools", lambda: "PMAK-%s-%s" % (rs(HEX, 24), rs(HEX, 34)), ["POSTMAN_API_KEY"], n=4, auth="hdr:X-Api-Key", url="https://api.getpostman.com/me")
S("buildkite_api_token", "developer_tools", fixed("bkua_", HEX, 40), ["BUILDKITE_API_TOKEN"], n=4, auth="bearer", url="https://api.buildkite.com/v2/user")
S("circleci_personal_token", "developer_tools", lambda: "CCIPAT_%s_%s" % (rs(ALNUM, 22), rs(HEX, 40)), ["CIRCLECI_TOKEN", "CIRCLE_TOKEN"], n=4, auth="hdr:Circle-Token", url="https://circleci.com/api/v2/me")
S("dockerhub_pat", "developer_tools", fixed("dckr_pat_", B64URL, 27), ["DOCKERHUB_TOKEN", "DOCKER_PASSWORD"], n=5, extra=DOCKER_LOGIN, svc="docker")
S("npm_access_token", "developer_tools", fixed("npm_", ALNUM, 36), ["NPM_TOKEN", "NODE_AUTH_TOKEN"], n=7, auth="bearer", url="https://registry.npmjs.org/-/whoami", extra=NPMRC)
S("pypi_upload_token", "developer_tools", ranged("pypi-AgEIcHlwaS5vcmc", B64URL, 70, 160), ["PYPI_TOKEN", "TWINE_PASSWORD"], n=6, extra=PYPIRC)
S("rubygems_api_key", "developer_tools", fixed("rubygems_", HEX, 48), ["GEM_HOST_API_KEY", "RUBYGEMS_API_KEY"], n=4, auth="hdr:Authorization", url="https://rubygems.org/api/v1/gems", extra=GEM_CREDS)
S("nuget_api_key", "developer_tools", fixed("oy2", LOWALNUM, 43), ["NUGET_API_KEY"], n=4, auth="hdr:X-NuGet-ApiKey", url="https://www.nuget.org/api/v2/package", extra=NUGET_PUSH)
S("clojars_deploy_token", "developer_tools", fixed("CLOJARS_", LOWALNUM, 60), ["CLOJARS_PASSWORD", "CLOJARS_TOKEN"], n=3, extra=CLOJARS)
S("terraform_cloud_token", "developer_tools", terraform_token, ["TF_TOKEN_app_terraform_io", "TFE_TOKEN"], n=5, auth="bearer", url="https://app.terraform.io/api/v2/account/details", extra=TFRC, svc="terraform")
S("vault_service_token", "developer_tools", ranged("hvs.", B64URL, 90, 100), ["VAULT_TOKEN"], n=5, auth="hdr:X-Vault-Token", url="https://vault.internal:8200/v1/secret/data/app", extra=VAULT_LOGIN)
S("vault_batch_token", "developer_tools", ranged("hvb.", B64URL, 138, 160), ["VAULT_TOKEN"], n=3, auth="hdr:X-Vault-Token", url="https://vault.internal:8200/v1/auth/token/lookup-self")
S("doppler_personal_token", "developer_tools", fixed("dp.pt.", ALNUM, 43), ["DOPPLER_TOKEN"], n=4, auth="bearer", url="https://api.doppler.com/v3/me")
S("doppler_service_token", "developer_tools", doppler_service, ["DOPPLER_TOKEN"], n=3, auth="bearer", url="https://api.doppler.com/v3/configs/config/secrets")
S("pulumi_access_token", "developer_tools", fixed("pul-", HEX, 40), ["PULUMI_ACCESS_TOKEN"], n=4, auth="token", url="https://api.pulumi.com/api/user")
S("flyio_access_token", "developer_tools", fixed("fo1_", B64URL, 43), ["FLY_API_TOKEN"], n=3, auth="bearer", url="https://api.fly.io/graphql", svc="fly")
S("netlify_pat", "developer_tools", fixed("nfp_", ALNUM, 36), ["NETLIFY_AUTH_TOKEN"], n=3, auth="bearer", url="https://api.netlify.com/api/v1/sites")
S("linear_api_key", "developer_tools", fixed("lin_api_", ALNUM, 40), ["LINEAR_API_KEY"], n=3, auth="hdr:Authorization", url="https://api.linear.app/graphql")
S("figma_pat", "developer_tools", fixed("figd_", B64URL, 40), ["FIGMA_TOKEN"], n=3, auth="hdr:X-Figma-Token", url="https://api.figma.com/v1/me")
S("readme_api_key", "developer_tools", fixed("rdme_", LOWALNUM, 70), ["README_API_KEY"], n=3, auth="basic_user", url="https://dash.readme.com/api/v1/api-specification")
S("prefect_api_key", "developer_tools", fixed("pnu_", ALNUM, 36), ["PREFECT_API_KEY"], n=3, auth="bearer", url="https://api.prefect.cloud/api/me")
S("infracost_api_key", "developer_tools", fixed("ico-", ALNUM, 32), ["INFRACOST_API_KEY"], n=3, auth="hdr:X-Api-Key", url="https://pricing.api.infracost.io/graphql")
S("octopus_api_key", "developer_tools", octopus, ["OCTOPUS_API_KEY"], n=3, auth="hdr:X-Octopus-ApiKey", url="https://octopus.acme.io/api/users/me")
S("launchdarkly_access_token", "developer_tools", lambda: "api-" + uuid4(), ["LAUNCHDARKLY_ACCESS_TOKEN", "LD_API_KEY"], n=3, auth="hdr:Authorization", url="https://app.launchdarkly.com/api/v2/projects")
S("heroku_api_key", "developer_tools", uuid4, ["HEROKU_API_KEY"], named=True, n=5, auth="bearer", url="https://api.heroku.com/apps", extra=HEROKU_NETRC)
S("heroku_platform_token", "developer_tools", fixed("HRKU-", B64URL, 60), ["HEROKU_API_KEY"], n=3, auth="bearer", url="https://api.heroku.com/account")
SHOP = "https://acme-store.myshopify.com/admin/api/2024-07/shop.json"
S("shopify_access_token", "developer_tools", fixed("shpat_", HEX, 32), ["SHOPIFY_ACCESS_TOKEN"], n=4, auth="hdr:X-Shopify-Access-Token", url=SHOP)
S("shopify_shared_secret", "developer_tools", fixed("shpss_", HEX, 32), ["SHOPIFY_API_SECRET"], n=3)
S("shopify_custom_app_token", "developer_tools", fixed("shpca_", HEX, 32), ["SHOPIFY_ADMIN_TOKEN"], n=3, auth="hdr:X-Shopify-Access-Token", url=SHOP)
S("shopify_private_app_token", "developer_tools", fixed("shppa_", HEX, 32), ["SHOPIFY_PASSWORD"], n=3, auth="hdr:X-Shopify-Access-Token", url=SHOP)
S("mapbox_secret_token", "developer_tools", mapbox_secret, ["MAPBOX_SECRET_TOKEN", "MAPBOX_DOWNLOADS_TOKEN"], n=3, auth="query:access_token", url="https://api.mapbox.com/tokens/v2")
S("airtable_pat", "developer_tools", airtable_pat, ["AIRTABLE_TOKEN"], n=3, auth="bearer", url="https://api.airtable.com/v0/meta/whoami")
S("contentful_pat", "developer_tools", fixed("CFPAT-", B64URL, 43), ["CONTENTFUL_MANAGEMENT_TOKEN"], n=3, auth="bearer", url="https://api.contentful.com/spaces")
S("dropbox_access_token", "developer_tools", ranged("sl.", B64URL, 135, 145), ["DROPBOX_ACCESS_TOKEN"], n=3, auth="bearer", url="https://api.dropboxapi.com/2/users/get_current_account")
S("asana_pat", "developer_tools", asana_pat, ["ASANA_TOKEN"], n=3, auth="bearer", url="https://app.asana.com/api/1.0/users/me")
S("jfrog_api_key", "developer_tools", fixed("AKCp8", ALNUM, 68), ["ARTIFACTORY_API_KEY"], n=3, auth="hdr:X-JFrog-Art-Api", url="https://acme.jfrog.io/artifactory/api/repositories")
S("vercel_token", "developer_tools", fixed("", ALNUM, 24), ["VERCEL_TOKEN"], named=True, n=3, auth="bearer", url="https://api.vercel.com/v2/user")
S("render_api_key", "developer_tools", fixed("rnd_", ALNUM, 32), ["RENDER_API_KEY"], n=3, auth="bearer", url="https://api.render.com/v1/services")
S("codecov_token", "developer_tools", uuid4, ["CODECOV_TOKEN"], named=True, n=3)
S("azure_devops_pat", "developer_tools", fixed("", LBASE32, 52), ["AZURE_DEVOPS_PAT", "AZDO_PERSONAL_ACCESS_TOKEN"], named=True, n=4, extra=GIT_ADO, svc="azdo")

# cloud
S("aws_access_key_id", "cloud", aws_akid, ["AWS_ACCESS_KEY_ID"], n=9, extra=[t_aws_credfile, t_aws_credfile, t_aws_java] + AWS_CONF, svc="aws")
S("aws_temporary_access_key_id", "cloud", aws_asia, ["AWS_ACCESS_KEY_ID"], n=4, extra=[t_aws_sts, t_aws_sts], svc="aws")
S("aws_secret_access_key", "cloud", fixed("", B64, 40), ["AWS_SECRET_ACCESS_KEY", "aws_secret_access_key"], named=True, n=6, svc="aws")
S("aws_session_token", "cloud", aws_session, ["AWS_SESSION_TOKEN"], named=True, n=3, svc="aws")
S("google_api_key", "cloud", fixed("AIza", B64URL, 35), ["GOOGLE_API_KEY", "MAPS_API_KEY"], n=6, auth="query:key", url="https://maps.googleapis.com/maps/api/geocode/json")
S("gcp_service_account_private_key", "cloud", pkcs8_key, ["GOOGLE_CREDENTIALS"], n=6, kind="pem", tpls=[t_gcp_sa, t_gcp_sa, t_gcp_sa, t_gcp_sa_inline, t_gcp_sa_env], svc="gcp")
S("gcp_oauth_client_secret", "cloud", fixed("GOCSPX-", B64URL, 28), ["GOOGLE_CLIENT_SECRET"], n=3, svc="google")
S("azure_storage_account_key", "cloud", azure_storage_key, ["AZURE_STORAGE_KEY"], n=6, tpls=[t_azure_storage], svc="azure")
S("azure_ad_client_secret", "cloud", azure_ad_secret, ["AZURE_CLIENT_SECRET", "ARM_CLIENT_SECRET"], n=6, extra=TF_AZ, svc="azure")
S("azure_sas_signature", "cloud", azure_sas_sig, ["AZURE_SAS"], n=3, tpls=[t_azure_sas], svc="azure")
DO = "https://api.digitalocean.com/v2/account"
S("digitalocean_pat", "cloud", fixed("dop_v1_", HEX, 64), ["DIGITALOCEAN_TOKEN", "DO_TOKEN"], n=4, auth="bearer", url=DO)
S("digitalocean_oauth_token", "cloud", fixed("doo_v1_", HEX, 64), ["DIGITALOCEAN_ACCESS_TOKEN"], n=3, auth="bearer", url=DO)
S("digitalocean_refresh_token", "cloud", fixed("dor_v1_", HEX, 64), ["DO_REFRESH_TOKEN"], n=3)
S("alibaba_access_key_id", "cloud", fixed("LTAI", ALNUM, 20), ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"], n=4)
S("alibaba_access_key_secret", "cloud", fixed("", ALNUM, 30), ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"], named=True, n=3)
S("tencent_secret_id", "cloud", fixed("AKID", ALNUM, 32), ["TENCENTCLOUD_SECRET_ID"], n=4)
S("tencent_secret_key", "cloud", fixed("", ALNUM, 32), ["TENCENTCLOUD_SECRET_KEY"], named=True, n=3)
S("ibm_cloud_api_key", "cloud", fixed("", B64URL, 44), ["IBMCLOUD_API_KEY", "IC_API_KEY"], named=True, n=4)
S("cloudflare_api_token", "cloud", fixed("", B64URL, 40), ["CLOUDFLARE_API_TOKEN", "CF_API_TOKEN"], named=True, n=5, auth="bearer", url="https://api.cloudflare.com/client/v4/user/tokens/verify")
S("cloudflare_global_api_key", "cloud", fixed("", HEX, 37), ["CLOUDFLARE_API_KEY", "CF_API_KEY"], named=True, n=3, auth="hdr:X-Auth-Key", url="https://api.cloudflare.com/client/v4/zones")
S("cloudflare_origin_ca_key", "cloud", cf_origin_ca, ["CLOUDFLARE_ORIGIN_CA_KEY"], n=3, auth="hdr:X-Auth-User-Service-Key", url="https://api.cloudflare.com/client/v4/certificates")
S("databricks_token", "cloud", fixed("dapi", HEX, 32), ["DATABRICKS_TOKEN"], n=4, auth="bearer", url="https://adb-1234567890123456.7.azuredatabricks.net/api/2.0/clusters/list")
S("supabase_access_token", "cloud", fixed("sbp_", HEX, 40), ["SUPABASE_ACCESS_TOKEN"], n=4, auth="bearer", url="https://api.supabase.com/v1/projects")
S("planetscale_service_token", "cloud", fixed("pscale_tkn_", B64URL, 43), ["PLANETSCALE_SERVICE_TOKEN"], n=3, auth="hdr:Authorization", url="https://api.planetscale.com/v1/organizations")
S("planetscale_password", "cloud", fixed("pscale_pw_", B64URL, 43), ["DATABASE_PASSWORD"], n=4, extra=PSCALE_T)
S("mongodb_url_password", "cloud", url_password, ["MONGODB_URI"], n=7, tpls=MONGO_T, svc="mongodb")
S("postgres_url_password", "cloud", url_password, ["DATABASE_URL"], n=7, tpls=PG_T, svc="postgres")
S("mysql_url_password", "cloud", url_password, ["DATABASE_URL"], n=5, tpls=MYSQL_T, svc="mysql")
S("redis_url_password", "cloud", url_password, ["REDIS_URL"], n=5, tpls=REDIS_T, svc="redis")
S("hetzner_api_token", "cloud", fixed("", ALNUM, 64), ["HCLOUD_TOKEN"], named=True, n=3, auth="bearer", url="https://api.hetzner.cloud/v1/servers")
S("scaleway_secret_key", "cloud", uuid4, ["SCW_SECRET_KEY"], named=True, n=3, auth="hdr:X-Auth-Token", url="https://api.scaleway.com/account/v3/projects")
S("fastly_api_token", "cloud", fixed("", B64URL, 32), ["FASTLY_API_TOKEN", "FASTLY_API_KEY"], named=True, n=3, auth="hdr:Fastly-Key", url="https://api.fastly.com/service")

# payment
ST = "https://api.stripe.com/v1/charges"
S("stripe_live_secret_key", "payment", lambda: "sk_live_" + stripe_body(), ["STRIPE_SECRET_KEY", "STRIPE_API_KEY"], n=8, auth="basic_user", url=ST, extra=STRIPE_CLI)
S("stripe_test_secret_key", "payment", lambda: "sk_test_" + stripe_body(), ["STRIPE_SECRET_KEY"], n=4, auth="basic_user", url=ST)
S("stripe_restricted_key", "payment", lambda: "rk_live_" + stripe_body(), ["STRIPE_RESTRICTED_KEY"], n=4, auth="bearer", url=ST)
S("stripe_webhook_secret", "payment", fixed("whsec_", ALNUM, 32), ["STRIPE_WEBHOOK_SECRET"], n=5, extra=WHSEC, svc="stripe")
S("square_access_token", "payment", fixed("EAAA", B64URL, 60), ["SQUARE_ACCESS_TOKEN"], n=4, auth="bearer", url="https://connect.squareup.com/v2/locations")
S("square_oauth_secret", "payment", fixed("sq0csp-", B64URL, 43), ["SQUARE_APPLICATION_SECRET"], n=3)
S("braintree_access_token", "payment", braintree, ["BRAINTREE_ACCESS_TOKEN"], n=4)
S("adyen_api_key", "payment", adyen, ["ADYEN_API_KEY"], n=3, auth="hdr:X-API-Key", url="https://checkout-test.adyen.com/v71/paymentMethods")
S("flutterwave_secret_key", "payment", flutterwave, ["FLW_SECRET_KEY"], n=3, auth="bearer", url="https://api.flutterwave.com/v3/transactions")
S("shippo_api_token", "payment", lambda: pick(["shippo_live_", "shippo_test_"]) + rs(HEX, 40), ["SHIPPO_API_TOKEN"], n=3, auth="hdr:Authorization:ShippoToken ", url="https://api.goshippo.com/shipments")
S("razorpay_key_secret", "payment", fixed("", ALNUM, 24), ["RAZORPAY_KEY_SECRET"], named=True, n=3)
S("plaid_secret", "payment", fixed("", HEX, 30), ["PLAID_SECRET"], named=True, n=3)
S("paypal_client_secret", "payment", lambda: "E" + rs(B64URL, 79), ["PAYPAL_CLIENT_SECRET"], named=True, n=3)

# messaging / email
S("twilio_api_key", "messaging", fixed("SK", HEX, 32), ["TWILIO_API_KEY"], n=4, extra=TWILIO_SK)
S("twilio_auth_token", "messaging", fixed("", HEX, 32), ["TWILIO_AUTH_TOKEN"], named=True, n=4)
S("sendgrid_api_key", "messaging", lambda: "SG.%s.%s" % (rs(B64URL, 22), rs(B64URL, 43)), ["SENDGRID_API_KEY"], n=6, auth="bearer", url="https://api.sendgrid.com/v3/mail/send")
S("mailgun_api_key", "messaging", fixed("key-", HEX, 32), ["MAILGUN_API_KEY"], n=4, extra=MAILGUN)
S("mailchimp_api_key", "messaging", mailchimp, ["MAILCHIMP_API_KEY"], n=4)
S("telegram_bot_token", "messaging", telegram_bot, ["TELEGRAM_BOT_TOKEN"], n=5, extra=TELEGRAM)
S("discord_bot_token", "messaging", discord_bot, ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"], n=4, auth="hdr:Authorization:Bot ", url="https://discord.com/api/v10/users/@me")
S("discord_webhook_url", "messaging", discord_webhook, ["DISCORD_WEBHOOK_URL"], n=4, auth="url", extra=WEBHOOK_EXTRA[:3])
S("msteams_webhook_url", "messaging", teams_webhook, ["TEAMS_WEBHOOK_URL"], n=3, auth="url", extra=WEBHOOK_EXTRA[1:2], svc="teams")
S("facebook_access_token", "messaging", facebook_token, ["FACEBOOK_ACCESS_TOKEN", "FB_PAGE_TOKEN"], n=4, auth="query:access_token", url="https://graph.facebook.com/v19.0/me")
S("facebook_app_secret", "messaging", fixed("", HEX, 32), ["FACEBOOK_APP_SECRET"], named=True, n=3)
S("intercom_access_token", "messaging", intercom_token, ["INTERCOM_ACCESS_TOKEN"], named=True, n=3, auth="bearer", url="https://api.intercom.io/me")
S("zendesk_api_token", "messaging", fixed("", ALNUM, 40), ["ZENDESK_API_TOKEN"], named=True, n=3, extra=ZENDESK)
S("postmark_server_token", "messaging", uuid4, ["POSTMARK_SERVER_TOKEN"], named=True, n=3, auth="hdr:X-Postmark-Server-Token", url="https://api.postmarkapp.com/email")
S("brevo_api_key", "messaging", brevo, ["BREVO_API_KEY", "SENDINBLUE_API_KEY"], n=3, auth="hdr:api-key", url="https://api.brevo.com/v3/account")
S("mailjet_secret_key", "messaging", fixed("", HEX, 32), ["MJ_APISECRET_PRIVATE", "MAILJET_SECRET_KEY"], named=True, n=2)
S("vonage_api_secret", "messaging", fixed("", ALNUM, 16), ["VONAGE_API_SECRET"], named=True, n=2)

# observability
S("datadog_api_key", "observability", fixed("", HEX, 32), ["DD_API_KEY", "DATADOG_API_KEY"], named=True, n=6, auth="hdr:DD-API-KEY", url="https://api.datadoghq.com/api/v1/validate", svc="datadog")
S("datadog_app_key", "observability", fixed("", HEX, 40), ["DD_APP_KEY", "DATADOG_APP_KEY"], named=True, n=4, auth="hdr:DD-APPLICATION-KEY", url="https://api.datadoghq.com/api/v1/monitor", svc="datadog")
S("newrelic_user_api_key", "observability", fixed("NRAK-", UPALNUM, 27), ["NEW_RELIC_API_KEY"], n=4, auth="hdr:Api-Key", url="https://api.newrelic.com/graphql")
S("newrelic_insert_key", "observability", fixed("NRII-", B64URL, 32), ["NEW_RELIC_INSERT_KEY"], n=3, auth="hdr:X-Insert-Key", url="https://insights-collector.newrelic.com/v1/accounts/1234567/events")
S("newrelic_license_key", "observability", newrelic_license, ["NEW_RELIC_LICENSE_KEY"], named=True, n=3)
S("sentry_org_token", "observability", sentry_org, ["SENTRY_AUTH_TOKEN"], n=4, auth="bearer", url="https://sentry.io/api/0/organizations/")
S("sentry_user_token", "observability", fixed("sntryu_", HEX, 64), ["SENTRY_AUTH_TOKEN"], n=3, auth="bearer", url="https://sentry.io/api/0/projects/")
S("sentry_dsn_key", "observability", fixed("", HEX, 32), ["SENTRY_DSN"], n=6, tpls=SENTRY_T, svc="sentry")
S("dynatrace_api_token", "observability", dynatrace, ["DT_API_TOKEN"], n=4, auth="hdr:Authorization:Api-Token ", url="https://abc12345.live.dynatrace.com/api/v2/metrics")
S("honeycomb_api_key", "observability", fixed("", HEX, 32), ["HONEYCOMB_API_KEY", "HONEYCOMB_WRITEKEY"], named=True, n=3, auth="hdr:X-Honeycomb-Team", url="https://api.honeycomb.io/1/auth")
S("grafana_service_account_token", "observability", grafana_sa, ["GRAFANA_TOKEN", "GRAFANA_SERVICE_ACCOUNT_TOKEN"], n=4, auth="bearer", url="https://grafana.acme.io/api/dashboards/home")
S("grafana_cloud_token", "observability", grafana_cloud, ["GRAFANA_CLOUD_TOKEN", "GRAFANA_CLOUD_API_KEY"], n=3, auth="bearer", url="https://grafana.com/api/instances")
S("splunk_hec_token", "observability", uuid4, ["SPLUNK_HEC_TOKEN"], named=True, n=4, auth="hdr:Authorization:Splunk ", url="https://splunk.acme.io:8088/services/collector/event")
S("pagerduty_api_key", "observability", lambda: pick(["u+", "y_", ""]) + rs(ALNUM + "_-", 18), ["PAGERDUTY_TOKEN", "PAGERDUTY_API_KEY"], named=True, n=3, auth="hdr:Authorization:Token token=", url="https://api.pagerduty.com/incidents")
S("elastic_api_key", "observability", elastic_key, ["ELASTIC_API_KEY", "ES_API_KEY"], named=True, n=3, auth="hdr:Authorization:ApiKey ", url="https://es.acme.io:9200/_security/_authenticate")
S("opsgenie_api_key", "observability", uuid4, ["OPSGENIE_API_KEY"], named=True, n=2, auth="hdr:Authorization:GenieKey ", url="https://api.opsgenie.com/v2/alerts")

# identity
S("okta_api_token", "identity", lambda: "00" + rs(B64URL, 40), ["OKTA_API_TOKEN", "OKTA_CLIENT_TOKEN"], named=True, n=4, auth="hdr:Authorization:SSWS ", url="https://acme.okta.com/api/v1/users/me")
S("auth0_client_secret", "identity", fixed("", B64URL, 64), ["AUTH0_CLIENT_SECRET"], named=True, n=4)
S("oauth_client_secret", "identity", lambda: rs(B64URL, ri(32, 48)), ["CLIENT_SECRET", "OAUTH_CLIENT_SECRET", "KEYCLOAK_CLIENT_SECRET", "OIDC_CLIENT_SECRET"], named=True, n=7, svc="oauth")
S("onepassword_service_account_token", "identity", onepassword_sa, ["OP_SERVICE_ACCOUNT_TOKEN"], n=3, auth="bearer", url="https://acme.1password.com/api/v1/vaults", svc="onepassword")
S("onepassword_secret_key", "identity", onepassword_secret_key, ["OP_SECRET_KEY"], named=True, n=2, svc="onepassword")

# AI providers
S("openai_project_key", "ai", fixed("sk-proj-", B64URL, 156), ["OPENAI_API_KEY"], n=7, auth="bearer", url="https://api.openai.com/v1/chat/completions")
S("openai_legacy_key", "ai", openai_legacy, ["OPENAI_API_KEY"], n=4, auth="bearer", url="https://api.openai.com/v1/models")
S("openai_service_account_key", "ai", fixed("sk-svcacct-", B64URL, 156), ["OPENAI_API_KEY"], n=3, auth="bearer", url="https://api.openai.com/v1/embeddings")
S("anthropic_api_key", "ai", anthropic, ["ANTHROPIC_API_KEY"], n=6, auth="hdr:x-api-key", url="https://api.anthropic.com/v1/messages")
S("huggingface_token", "ai", fixed("hf_", ALNUM, 34), ["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN"], n=5, auth="bearer", url="https://huggingface.co/api/whoami-v2")
S("replicate_api_token", "ai", fixed("r8_", ALNUM, 37), ["REPLICATE_API_TOKEN"], n=4, auth="bearer", url="https://api.replicate.com/v1/predictions")
S("groq_api_key", "ai", fixed("gsk_", ALNUM, 52), ["GROQ_API_KEY"], n=4, auth="bearer", url="https://api.groq.com/openai/v1/models")
S("perplexity_api_key", "ai", fixed("pplx-", ALNUM, 48), ["PERPLEXITY_API_KEY"], n=3, auth="bearer", url="https://api.perplexity.ai/chat/completions")
S("cohere_api_key", "ai", fixed("", ALNUM, 40), ["COHERE_API_KEY", "CO_API_KEY"], named=True, n=3, auth="bearer", url="https://api.cohere.com/v2/chat")
S("mistral_api_key", "ai", fixed("", ALNUM, 32), ["MISTRAL_API_KEY"], named=True, n=3, auth="bearer", url="https://api.mistral.ai/v1/models")
S("google_api_key", "ai", fixed("AIza", B64URL, 35), ["GEMINI_API_KEY", "GOOGLE_GENAI_API_KEY"], n=4, auth="hdr:x-goog-api-key", url="https://generativelanguage.googleapis.com/v1beta/models", svc="gemini")
S("xai_api_key", "ai", fixed("xai-", ALNUM, 80), ["XAI_API_KEY"], n=3, auth="bearer", url="https://api.x.ai/v1/chat/completions")
S("deepseek_api_key", "ai", fixed("sk-", HEX, 32), ["DEEPSEEK_API_KEY"], named=True, n=3, auth="bearer", url="https://api.deepseek.com/chat/completions")
S("langsmith_api_key", "ai", langsmith, ["LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"], n=3, auth="hdr:x-api-key", url="https://api.smith.langchain.com/runs")
S("openrouter_api_key", "ai", fixed("sk-or-v1-", HEX, 64), ["OPENROUTER_API_KEY"], n=3, auth="bearer", url="https://openrouter.ai/api/v1/chat/completions")

# structured / config text: secrets known only by their NAME
SC = "structured_config"
S("generic_password", SC, password, ["DB_PASSWORD", "POSTGRES_PASSWORD", "MYSQL_ROOT_PASSWORD", "REDIS_PASSWORD", "ADMIN_PASSWORD",
                                      "SMTP_PASSWORD", "KEYSTORE_PASSWORD", "LDAP_BIND_PASSWORD", "RABBITMQ_DEFAULT_PASS"],
  named=True, n=26, extra=SPRING_PW + SPRING_PW[:3], svc="db")
S("generic_api_key", SC, lambda: rs(pick([ALNUM, HEX, B64URL]), ri(24, 48)), ["API_KEY", "SERVICE_API_KEY", "X_API_KEY", "PARTNER_API_KEY", "INTERNAL_API_KEY"],
  named=True, n=12, extra=APIKEY_JSON, svc="partner")
S("generic_secret", SC, lambda: rs(pick([ALNUM, HEX, B64URL]), ri(32, 64)), ["SECRET_KEY", "JWT_SECRET", "SESSION_SECRET", "APP_SECRET", "ENCRYPTION_KEY", "HMAC_SECRET", "COOKIE_SECRET"],
  named=True, n=10, svc="app")
S("generic_token", SC, lambda: rs(pick([ALNUM, B64URL]), ri(24, 48)), ["AUTH_TOKEN", "SERVICE_TOKEN", "ACCESS_TOKEN", "BOT_TOKEN", "WEBHOOK_TOKEN"],
  named=True, n=8, svc="svc")
S("connection_string_password", SC, password, ["ConnectionStrings"], n=8, tpls=CONNSTR_T, svc="sql")
S("k8s_secret_data_b64", SC, lambda: b64(password().encode()), ["password"], n=9, tpls=[t_k8s_data, t_k8s_data, t_k8s_data_json], svc="k8s")
S("k8s_secret_string_data", SC, password, ["password"], n=5, tpls=[t_k8s_stringdata], svc="k8s")
S("docker_config_auth", SC, lambda: b64(("%s:%s" % (pick(USERS), pick([password(), "dckr_pat_" + rs(B64URL, 27)]))).encode()), ["auth"], n=6, tpls=[t_docker_auth], svc="docker")
S("basic_auth_b64", SC, lambda: b64(("%s:%s" % (pick(USERS + ["admin", "svc-export"]), password())).encode()), ["Authorization"], n=8, tpls=BASIC_T, svc="http")
S("netrc_password", SC, password, ["password"], n=5, tpls=NETRC_T, svc="netrc")
S("nuget_cleartext_password", SC, lambda: pick([password(), rs(LBASE32, 52)]), ["ClearTextPassword"], n=5, tpls=NUGET_T, svc="nuget")
S("cli_password", SC, password, ["password"], n=14, tpls=CLI_PW_T, svc="cli")
S("django_secret_key", SC, django_secret, ["DJANGO_SECRET_KEY", "SECRET_KEY"], named=True, n=3, svc="django")
S("rails_secret_key_base", SC, fixed("", HEX, 128), ["SECRET_KEY_BASE"], named=True, n=3, svc="rails")
S("laravel_app_key", SC, laravel_key, ["APP_KEY"], named=True, n=3, svc="laravel")

SECRET_WORDS = ("KEY", "TOKEN", "SECRET", "PASSWORD", "PASS", "PAT", "AUTH", "CREDENTIAL", "DSN")
for _s in SPECS:
    if _s.named and _s.tpls is None:
        for _nm in _s.names:
            assert any(w in _nm.upper() for w in SECRET_WORDS), (_s.type, _nm)


def templates_for(spec):
    if spec.tpls is not None:
        return list(spec.tpls), []
    pool = list(NAMED_T)
    if not spec.named:
        pool += BARE_T
    pool += [f for f, ok in AUTH_T if ok(spec)]
    return pool, list(spec.extra)


# extra kw used by URL templates
def _extra_kw(k):
    k["rnd5"] = rs(LOWALNUM, 5)
    k["dbhost"] = pick(["db.internal", "10.0.%d.%d" % (ri(0, 9), ri(2, 250)), "pg-primary.prod.svc.cluster.local", "%s-db.%s" % (pick(ORGS), pick(DOMAINS))])
    k["n2"] = ri(1000000, 9999999)
    k["nethost"] = pick(["api.%s" % pick(DOMAINS), "ftp.%s" % pick(DOMAINS), "git.%s" % pick(DOMAINS), "nexus.%s" % pick(DOMAINS)])
    k["uuid"] = uuid4()
    return k


_orig_kw_for = kw_for


def kw_for(c):  # noqa: F811  (extend with URL/helper keys)
    return _extra_kw(_orig_kw_for(c))


# --------------------------------------------------------------------------
# positive lines
# --------------------------------------------------------------------------
RECORDS = []


def add(L):
    assert L.ctx, "template forgot to set a context"
    RECORDS.append(L)


def gen_positive(spec, tpl):
    L = Line()
    if chance(0.08) and spec.kind != "pem":
        L.nl = "\r\n"
    c = Ctx(spec, spec.gen())
    tpl(L, c)
    add(L)


def gen_all_positive():
    for spec in SPECS:
        pool, extra = templates_for(spec)
        R.shuffle(extra)
        chosen = extra[:spec.n]
        rest = spec.n - len(chosen)
        if rest > 0:
            pool2 = [p for p in pool if p not in chosen]
            while rest > 0:
                take = R.sample(pool2, min(rest, len(pool2)))
                chosen += take
                rest -= len(take)
        for tpl in chosen:
            gen_positive(spec, tpl)


SPEC_BY_TYPE = {}
for _s in SPECS:
    SPEC_BY_TYPE.setdefault(_s.type, _s)


def composite_env():
    """A .env / compose / k8s file carrying several credentials at once."""
    cands = [s for s in SPECS if s.kind == "token" and s.tpls is None]
    chosen = R.sample(cands, ri(2, 4))
    style = ri(0, 3)
    L = Line()
    if style == 0:
        L.ctx = "config:dotenv"
        L.t("# %s - %s\nAPP_ENV=%s\n" % (pick(REPOS), pick(["do not commit", "local overrides", "copied from prod"]), pick(["production", "staging"])))
        for s in chosen:
            L.t("%s=" % pick(s.names))
            L.s(s.gen(), s.type, s.family)
            L.t("\n")
        L.t("LOG_LEVEL=%s" % pick(["info", "debug", "warn"]))
    elif style == 1:
        L.ctx = "config:compose"
        L.t("services:\n  %s:\n    image: %s/%s:%s\n    environment:\n" % (pick(REPOS), pick(ORGS), pick(REPOS), pick(VERSIONS)))
        for s in chosen:
            L.t("      %s: " % pick(s.names))
            L.s(s.gen(), s.type, s.family)
            L.t("\n")
        L.t("    ports:\n      - \"%d:%d\"" % (pick([8080, 3000]), pick([8080, 3000])))
    elif style == 2:
        L.ctx = "ci"
        L.t("$ env | sort\nCI=true\nGITHUB_ACTIONS=true\n")
        for s in sorted(chosen, key=lambda s: s.names[0]):
            L.t("%s=" % pick(s.names))
            L.s(s.gen(), s.type, s.family)
            L.t("\n")
        L.t("RUNNER_OS=Linux")
    else:
        L.ctx = "config:k8s"
        L.t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s-env\ntype: Opaque\nstringData:\n" % pick(REPOS))
        for s in chosen:
            L.t("  %s: \"" % pick(s.names))
            L.s(s.gen(), s.type, s.family)
            L.t("\"\n")
        L.t("---")
    add(L)


def composite_shell_history():
    L = Line()
    L.ctx = "shell"
    n0 = ri(100, 1800)
    cmds = [("plain", "git pull --rebase"), ("plain", "ls -la"), ("plain", "kubectl get pods -n prod"),
            ("plain", "docker ps"), ("plain", "cd ~/src/%s" % pick(REPOS))]
    secret_cmds = [
        ("mysql -u root -p@V@ %s" % pick(DBS), "cli_password", password),
        ("sshpass -p '@V@' ssh deploy@%s" % pick(HOSTS), "cli_password", password),
        ("curl -u %s:@V@ https://ci.%s/api/json" % (pick(USERS), pick(DOMAINS)), "cli_password", password),
        ("export API_KEY=@V@", "generic_api_key", lambda: rs(ALNUM, 32)),
        ('curl -H "Authorization: Bearer @V@" https://api.%s/v1/me' % pick(DOMAINS), "jwt", jwt_token),
        ("curl -H 'Authorization: Basic @V@' https://registry.%s/v2/_catalog" % pick(DOMAINS), "basic_auth_b64",
         lambda: b64(("%s:%s" % (pick(USERS), password())).encode())),
        ("export GITHUB_TOKEN=@V@", "github_pat_classic", lambda: github_token("ghp_")),
    ]
    lines = R.sample(cmds, 3) + [("s", x) for x in R.sample(secret_cmds, ri(1, 2))]
    R.shuffle(lines)
    for i, (kind, cmd) in enumerate(lines):
        L.t("%5d  " % (n0 + i))
        if kind == "plain":
            L.t(cmd)
        else:
            tm, typ, gen = cmd
            a, b = tm.split("@V@")
            L.t(a)
            L.s(gen(), typ, SPEC_BY_TYPE[typ].family)
            L.t(b)
        if i < len(lines) - 1:
            L.t("\n")
    add(L)


def composite_bearer_jwt():
    L = Line()
    L.ctx = "http"
    L.nl = "\r\n"
    L.t("POST /graphql HTTP/1.1\nHost: api.%s\nAuthorization: Bearer " % pick(DOMAINS))
    L.s(jwt_token(), "jwt", "jwt")
    L.t("\nX-Request-Id: ")
    L.n(uuid4(), "request_id_uuid")
    L.t("\nContent-Type: application/json\n\n{\"query\":\"{ viewer { id } }\"}")
    add(L)


# --------------------------------------------------------------------------
# negative (near-miss) lines
# --------------------------------------------------------------------------
class NSpec:
    def __init__(self, svc="app", url="https://api.example-corp.net/v1/me"):
        self.svc = svc
        self.url = url
        rest = url.split("://", 1)[1]
        self.host = rest.split("/", 1)[0]
        self.path = "/" + rest.split("/", 1)[1]
        self.family = "negative"
        self.type = "negative"
        self.names = ["X"]


NEG_NAMES = [("DB_PASSWORD", "db"), ("API_KEY", "partner"), ("STRIPE_SECRET_KEY", "stripe"), ("GITHUB_TOKEN", "github"),
             ("SLACK_BOT_TOKEN", "slack"), ("AWS_SECRET_ACCESS_KEY", "aws"), ("OPENAI_API_KEY", "openai"),
             ("SENTRY_AUTH_TOKEN", "sentry"), ("DD_API_KEY", "datadog"), ("CLIENT_SECRET", "oauth"),
             ("SMTP_PASSWORD", "mail"), ("NPM_TOKEN", "npm"), ("JWT_SECRET", "auth"), ("REDIS_PASSWORD", "redis")]


def neg_named_line(value, why, contexts, name=None):
    nm, svc = name or pick(NEG_NAMES)
    tpls = [t for t in NAMED_T if t.ctx.split(":")[0] in contexts or t.ctx in contexts]
    L = Line()
    c = Ctx(NSpec(svc), value, secret=False, label=why, name=nm)
    pick(tpls)(L, c)
    add(L)


NEUTRAL_SRC = [
    ("code:java", "assertFalse(TokenFormat.isValid(\"@V@\"));"),
    ("code:java", "@ValueSource(strings = {\"@V@\"})\nvoid rejectsMalformed(String candidate) {"),
    ("code:python", "@pytest.mark.parametrize(\"candidate\", [\"@V@\"])\ndef test_rejects_malformed(candidate):"),
    ("code:python", "assert not looks_like_token(\"@V@\")"),
    ("code:go", "{name: \"malformed\", in: \"@V@\", want: false},"),
    ("code:js", "expect(isToken('@V@')).toBe(false);"),
    ("ci", "--- PASS: TestRejectsMalformed/@V@ (0.00s)"),
    ("log", "{ts} DEBUG [{thread}] token-format: rejected candidate @V@ (reason=format)"),
    ("chat", "{user}: the format checker says @V@ is malformed, which is what the fixture is for"),
    ("stacktrace", "java.lang.IllegalArgumentException: not a valid token format: @V@\n\tat com.acme.tokens.TokenFormat.parse(TokenFormat.java:88)\n\tat com.acme.tokens.TokenFormatTest.rejectsMalformed(TokenFormatTest.java:{line})"),
]
NEUTRAL_T = [from_str(c, s) for c, s in NEUTRAL_SRC]


def neg_neutral(value, why):
    L = Line()
    c = Ctx(NSpec(), value, secret=False, label=why, name="X")
    pick(NEUTRAL_T)(L, c)
    add(L)


FIXED_FORMATS = [
    (aws_akid, BASE32), (lambda: github_token("ghp_"), ALNUM), (lambda: github_token("gho_"), ALNUM),
    (fixed("npm_", ALNUM, 36), ALNUM), (fixed("hf_", ALNUM, 34), ALNUM), (fixed("SK", HEX, 32), HEX),
    (fixed("key-", HEX, 32), HEX), (fixed("dop_v1_", HEX, 64), HEX), (fixed("shpat_", HEX, 32), HEX),
    (fixed("squ_", HEX, 40), HEX), (fixed("dapi", HEX, 32), HEX), (fixed("glpat-", B64URL, 20), B64URL),
    (age_secret, BECH32.upper()), (fixed("dp.pt.", ALNUM, 43), ALNUM), (fixed("lin_api_", ALNUM, 40), ALNUM),
    (fixed("pul-", HEX, 40), HEX), (fixed("sbp_", HEX, 40), HEX), (fixed("rubygems_", HEX, 48), HEX),
    (lambda: "SG.%s.%s" % (rs(B64URL, 22), rs(B64URL, 43)), B64URL), (fixed("bkua_", HEX, 40), HEX),
    (fixed("dckr_pat_", B64URL, 27), B64URL), (fixed("NRAK-", UPALNUM, 27), UPALNUM), (fixed("gsk_", ALNUM, 52), ALNUM),
    (fixed("r8_", ALNUM, 37), ALNUM), (fixed("sgp_", HEX, 40), HEX), (fixed("nfp_", ALNUM, 36), ALNUM),
    (fixed("fo1_", B64URL, 43), B64URL), (fixed("pnu_", ALNUM, 36), ALNUM),
]


def neg_wrong_length():
    gen, alpha = pick(FIXED_FORMATS)
    v = gen()
    v = v[:-1] if chance(0.5) else v + R.choice(alpha)
    neg_neutral(v, "wrong_length")


def _corrupt(prefix, body, bad, k=None):
    body = list(body)
    for _ in range(k or ri(1, 3)):
        body[ri(0, len(body) - 1)] = pick(bad)
    return prefix + "".join(body)


WRONG_ALPHA = [
    lambda: _corrupt("AKIA", rs(BASE32, 16), "0189"),
    lambda: _corrupt("ASIA", rs(BASE32, 16), "0189abcxyz"),
    lambda: _corrupt("dop_v1_", rs(HEX, 64), "ghijklmnopqrstuvwxyz"),
    lambda: _corrupt("squ_", rs(HEX, 40), "ghjkmnpqrstuvwxyz"),
    lambda: _corrupt("shpat_", rs(HEX, 32), "ghijkmnpqrstuvwxyz"),
    lambda: _corrupt("SK", rs(HEX, 32), "ghijkmnpqrstuvwxyz"),
    lambda: _corrupt("key-", rs(HEX, 32), "ghijkmnpqrstuvwxyz"),
    lambda: _corrupt("dapi", rs(HEX, 32), "ghijkmnpqrstuvwxyz"),
    lambda: _corrupt("pul-", rs(HEX, 40), "ghijkmnpqrstuvwxyz"),
    lambda: _corrupt("AGE-SECRET-KEY-1", rs(BECH32.upper(), 58), "BIO1"),
    lambda: _corrupt("NRAK-", rs(UPALNUM, 27), "abcdefghjkmnpqrstuvwxyz"),
    lambda: "xoxb-%s%s-%s-%s" % (slack_digits(), pick("abcdefXYZ"), str(ri(10 ** 11, 10 ** 13 - 1)), rs(ALNUM, 24)),
    lambda: _corrupt("sbp_", rs(HEX, 40), "ghijkmnpqrstuvwxyz"),
    lambda: _corrupt("rubygems_", rs(HEX, 48), "GHIJKLMNPQRSTUVWXYZ"),
    lambda: _corrupt("dt0c01.", rs(UPALNUM, 24), "abcdefghjkmnpqrstuvwxyz") + "." + rs(UPALNUM, 64),
    lambda: _corrupt("glpat-", rs(B64URL, 20), "+/=.~"),
    lambda: _corrupt("npm_", rs(ALNUM, 36), "-_.~"),
]


def neg_wrong_alphabet():
    neg_neutral(pick(WRONG_ALPHA)(), "wrong_alphabet")


def neg_bad_checksum():
    pre = pick(["ghp_", "gho_", "ghu_", "ghs_", "ghr_"])
    body = rs(ALNUM, 30)
    good = github_checksum(body)
    while True:
        bad = rs(B62, 6)
        if bad != good:
            break
    neg_neutral(pre + body + bad, "bad_checksum")


PREFIX_WORDS = ["ghp_", "gho_", "ghs_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xapp-", "sk_live_", "rk_live_", "whsec_",
                "AKIA", "ASIA", "AIza", "sk-proj-", "sk-ant-api03-", "hf_", "npm_", "pypi-", "dckr_pat_", "hvs.", "SG.",
                "NRAK-", "dop_v1_", "shpat_", "sntrys_", "glsa_", "AGE-SECRET-KEY-1", "PMAK-", "squ_", "dapi", "sbp_",
                "gsk_", "xai-", "r8_", "lin_api_", "EAAA", "sq0csp-", "FLWSECK-", "dt0c01.", "glrt-", "fo1_"]
PROSE_SRC = [
    ("chat", "Classic tokens start with @V@ and the fine-grained ones with @W@, so grep for both."),
    ("chat", "FYI anything beginning with @V@ is a credential - please rotate if you pasted one."),
    ("doc", "The scanner looks for the @V@ prefix first and then validates the length; @W@ is handled the same way."),
    ("doc", "## Token formats\n\nKeys issued after 2023 use the `@V@` prefix. Older keys used `@W@`."),
    ("shell", "grep -rnE '@V@|@W@' src/ | wc -l"),
    ("code:python", "KNOWN_PREFIXES = (\"@V@\", \"@W@\")"),
    ("code:java", "if (candidate.startsWith(\"@V@\") || candidate.startsWith(\"@W@\")) {"),
    ("code:go", "var prefixes = []string{\"@V@\", \"@W@\"}"),
    ("log", "{ts} INFO  secret-audit: 0 findings for prefix @V@, 0 findings for prefix @W@"),
]


def neg_prefix_prose():
    ctx, tm = pick(PROSE_SRC)
    a, b = R.sample(PREFIX_WORDS, 2)
    L = Line()
    L.ctx = ctx
    k = {"ts": ts()}
    head, rest = tm.split("@V@")
    L.t(subst(head, k))
    L.n(a, "prefix_in_prose")
    if "@W@" in rest:
        mid, tail = rest.split("@W@")
        L.t(mid)
        L.n(b, "prefix_in_prose")
        L.t(tail)
    else:
        L.t(rest)
    add(L)


def neg_pem_header_only():
    L = Line()
    L.ctx = pick(["chat", "doc"])
    hdr = pick(["-----BEGIN OPENSSH PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----", "-----BEGIN RSA PRIVATE KEY-----",
                "-----BEGIN PGP PRIVATE KEY BLOCK-----", "-----BEGIN EC PRIVATE KEY-----"])
    L.t(pick(["Paste the whole block, starting at ", "The file must start with ", "Our pre-commit hook rejects any file containing "]))
    L.n(hdr, "pem_header_only")
    L.t(pick([" and ending with the matching END line.", ".", " - no exceptions."]))
    add(L)


PLACEHOLDERS = ["your_api_key_here", "<token>", "<YOUR_API_KEY>", "xxxxxxxx", "XXXXXXXXXXXXXXXXXXXXXXXX", "changeme", "****",
                "********", "REPLACE_ME", "TODO", "dummy", "insert-your-key-here", "<password>", "your-secret-token",
                "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", "ghp_" + "x" * 36, "AKIAXXXXXXXXXXXXXXXX", "xoxb-your-bot-token",
                "hf_" + "x" * 34, "sk-...", "<redacted>", "PUT_YOUR_TOKEN_HERE", "0000000000000000", "example-password",
                "{{API_KEY}}", "none"]


def neg_placeholder():
    neg_named_line(pick(PLACEHOLDERS), "placeholder", {"config", "code"})


REFERENCES = [
    ("code:js", "const {camel} = @V@;", "process.env.{name}"),
    ("code:python", "{snake} = @V@", 'os.environ["{name}"]'),
    ("code:python", "{snake} = @V@", 'os.getenv("{name}")'),
    ("code:java", "String {camel} = @V@;", 'System.getenv("{name}")'),
    ("code:go", "{camel} := @V@", 'os.Getenv("{name}")'),
    ("ci", "    env:\n      {name}: @V@", "${{ secrets.{name} }}"),
    ("config:yaml", "{snake}: \"@V@\"", "{{ .Values.{camel} }}"),
    ("config:yaml", "{snake}: @V@", "${{name}}"),
    ("config:dotenv", "{name}=@V@", "${VAULT_{name}}"),
    ("config:properties", "{dotted}=@V@", "${{name}}"),
    ("config:yaml", "{snake}: @V@", "vault:secret/data/{svc}#{snake}"),
    ("config:yaml", "{snake}: @V@", "ref+vault://secret/{svc}#/{snake}"),
    ("config:json", '{"{camel}": "@V@"}', "arn:aws:secretsmanager:us-east-1:{acct}:secret:prod/{svc}-{rnd6}"),
    ("shell", 'export {name}="@V@"', "$(vault kv get -field={snake} secret/{svc})"),
    ("shell", "export {name}=@V@", "$(cat /run/secrets/{snake})"),
    ("config:hcl", "  {snake} = @V@", "var.{snake}"),
    ("config:hcl", "  {snake} = @V@", "data.aws_secretsmanager_secret_version.{svc}.secret_string"),
    ("config:xml", '<add key="{pascal}" value="@V@" />', "#{{pascal}}#"),
    ("code:java", '@Value("@V@")\nprivate String {camel};', "${{dotted}}"),
    ("config:ini", "{snake} = @V@", "%({name})s"),
    ("ci", "docker login -u ci -p @V@ $CI_REGISTRY", "$CI_REGISTRY_PASSWORD"),
    ("config:k8s", "env:\n  - name: {name}\n    valueFrom:\n      secretKeyRef:\n        name: {svc}-secrets\n        key: @V@", "{snake}"),
    ("config:yaml", "{snake}: @V@", "!vault_ref {svc}/{snake}"),
    ("config:compose", "    environment:\n      - {name}=@V@", "${{name}:?must be set}"),
]


def neg_reference():
    ctx, tm, val = pick(REFERENCES)
    nm, svc = pick(NEG_NAMES)
    L = Line()
    L.ctx = ctx
    k = dict(name_forms(nm))
    k.update(name=nm, svc=svc, acct=ri(10 ** 11, 10 ** 12 - 1), rnd6=rs(ALNUM, 6))
    v = subst(val, k)
    fill(L, tm, k, lambda L_: L_.n(v, "reference"))
    add(L)


def one(ctx, tm, value, why, k=None):
    L = Line()
    L.ctx = ctx
    kk = {"ts": ts(), "user": pick(USERS), "repo": pick(REPOS), "org": pick(ORGS), "dom": pick(DOMAINS), "ver": pick(VERSIONS),
          "thread": pick(THREADS), "ms": ri(3, 900), "n": ri(1000, 99999), "line": ri(20, 900), "hostname": pick(HOSTS), "db": pick(DBS)}
    if k:
        kk.update(k)
    fill(L, tm, kk, lambda L_: L_.n(value, why))
    add(L)
    return L


def neg_git_sha():
    sha = rs(HEX, 40)
    ctx, tm = pick([
        ("ci", "commit @V@\nAuthor: {user} <{user}@{dom}>\nDate:   Tue Mar 4 10:12:44 2025 +0100\n\n    fix flaky order test"),
        ("ci", "      - uses: actions/checkout@@V@ # v4.1.1"),
        ("config:json", '"resolved": "git+ssh://git@github.com/{org}/{repo}.git#@V@"'),
        ("shell", "git checkout @V@"),
        ("log", "{ts} INFO  build info: version={ver} git.commit.id=@V@"),
        ("ci", "Checking out @V@ as detached HEAD (ref is main)..."),
        ("stacktrace", "Exception in thread \"main\" java.lang.IllegalStateException: schema mismatch (build {ver}, commit @V@)\n\tat com.acme.migrate.Migrator.run(Migrator.java:{ms})"),
        ("config:yaml", "image:\n  tag: @V@"),
    ])
    one(ctx, tm, sha, "git_sha")


def neg_sha256():
    d = rs(HEX, 64)
    ctx, tm = pick([
        ("config:yaml", "image: ghcr.io/{org}/{repo}@sha256:@V@"),
        ("shell", "$ sha256sum {repo}-{ver}.tar.gz\n@V@  {repo}-{ver}.tar.gz"),
        ("config:docker", "FROM eclipse-temurin:21-jre@sha256:@V@"),
        ("ci", "#12 writing image sha256:@V@ done"),
        ("config:toml", '[[package]]\nname = "{repo}"\nversion = "{ver}"\nchecksum = "@V@"'),
        ("config:hcl", 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.31.0"\n  hashes = [\n    "zh:@V@",\n  ]\n}'),
        ("log", "{ts} INFO  artifact uploaded digest=sha256:@V@ size=18234112"),
    ])
    one(ctx, tm, d, "sha256_digest")


def neg_md5_sha1():
    if chance(0.5):
        ctx, tm = pick([("shell", "$ md5 dist/app.js\nMD5 (dist/app.js) = @V@"), ("config:json", '{"file": "logo.svg", "md5": "@V@"}'),
                        ("http", "HTTP/1.1 200 OK\nETag: \"@V@\"\nContent-Type: image/png"),
                        ("log", "{ts} DEBUG cache key for /static/main.css = @V@")])
        one(ctx, tm, rs(HEX, 32), "md5_checksum")
    else:
        ctx, tm = pick([("config:yarnlock", '"{repo}@^{ver}":\n  version "{ver}"\n  resolved "https://registry.yarnpkg.com/{repo}/-/{repo}-{ver}.tgz#@V@"'),
                        ("config:maven", "{repo}-{ver}.jar.sha1: @V@")])
        one(ctx, tm, rs(HEX, 40), "sha1_checksum")


def neg_lock_hash():
    kind = ri(0, 2)
    if kind == 0:
        one("config:gosum", "github.com/{org}/{repo} v{ver} h1:@V@", b64(rbytes(32)), "go_sum_hash")
    elif kind == 1:
        one("config:poetry", '{file = "{repo}-{ver}-py3-none-any.whl", hash = "sha256:@V@"},', rs(HEX, 64), "lockfile_hash")
    else:
        one("config:pip", "{repo}=={ver} \\\n    --hash=sha256:@V@", rs(HEX, 64), "lockfile_hash")


def neg_container_id():
    one(pick(["log", "shell"]), pick(["{ts} INFO  started container @V@ for job {n}", "$ docker inspect --format '{{.Id}}' web\n@V@"]),
        rs(HEX, 64), "container_id")


def neg_ids():
    kind = ri(0, 6)
    if kind == 0:
        one("http", "HTTP/1.1 200 OK\nX-Request-Id: @V@\nContent-Type: application/json", uuid4(), "request_id_uuid")
    elif kind == 1:
        one(*pick([("log", "{ts} INFO  request_id=@V@ method=GET path=/v1/orders status=200 duration_ms={ms}"),
                   ("stacktrace", "Traceback (most recent call last):\n  File \"/app/orders/views.py\", line {ms}, in get\n    order = Order.objects.get(pk=pk)\norders.models.Order.DoesNotExist: no order with id @V@")]),
            uuid4(), "request_id_uuid")
    elif kind == 2:
        L = one("http", "traceparent: 00-@V@-", rs(HEX, 32), "trace_id")
        L.n(rs(HEX, 16), "span_id")
        L.t("-01")
    elif kind == 3:
        one("log", '{"level":"info","msg":"payment captured","traceId":"@V@","amount":4200}', rs(HEX, 32), "trace_id")
    elif kind == 4:
        one("config:hcl", 'provider "azurerm" {\n  features {}\n  subscription_id = "@V@"\n}', uuid4(), "tenant_or_subscription_id")
    elif kind == 5:
        one("config:json", '{\n  "tenantId": "@V@",\n  "region": "westeurope"\n}', uuid4(), "tenant_or_subscription_id")
    else:
        one("log", "{ts} INFO  order @V@ shipped to warehouse {n}", uuid4(), "object_id")


PNG_HDR = bytes.fromhex("89504e470d0a1a0a0000000d49484452")


def neg_image_data():
    data = b64(PNG_HDR + rbytes(ri(40, 160)))
    ctx, tm = pick([("code:html", '<img alt="logo" src="data:image/png;base64,@V@">'),
                    ("code:css", ".icon { background-image: url(data:image/png;base64,@V@); }"),
                    ("config:json", '{"avatar": "data:image/png;base64,@V@"}')])
    one(ctx, tm, data, "base64_image_data")


def neg_configmap():
    content = pick(["log_level=info\nfeature.new_checkout=true\n", "server {\n  listen 80;\n}\n", "[app]\nworkers = 4\n",
                    "<svg xmlns='http://www.w3.org/2000/svg' width='16' height='16'/>"])
    L = Line()
    L.ctx = "config:k8s"
    L.t("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\nbinaryData:\n  %s: " % (pick(REPOS), pick(["app.conf", "nginx.conf", "logo.svg", "settings.ini"])))
    L.n(b64(content.encode()), "configmap_data")
    add(L)


def spki_rsa():
    return bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100") + rbytes(256) + bytes.fromhex("0203010001")


def neg_public_key():
    kind = ri(0, 9)
    L = Line()
    if kind == 0:
        L.ctx = pick(["config:keyfile", "config:yaml"])
        if L.ctx == "config:yaml":
            L.t("jwt:\n  public_key: |\n    ")
            L.n(indent(4)(pem("PUBLIC KEY", pick([spki_rsa(), bytes.fromhex("302a300506032b6570032100") + rbytes(32)]))), "public_key_pem")
        else:
            L.n(pem("PUBLIC KEY", pick([spki_rsa(), bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200") + b"\x04" + rbytes(64)])), "public_key_pem")
    elif kind == 1:
        L.ctx = "config:keyfile"
        L.n(pem("CERTIFICATE", bytes.fromhex("308203") + rbytes(1) + bytes.fromhex("308202") + rbytes(1) + bytes.fromhex("a003020102021400") + rbytes(ri(700, 900))), "certificate_pem")
    elif kind in (2, 3):
        L.ctx = pick(["config:authorized_keys", "config:yaml", "config:hcl"])
        blob = b64(_sshstr(b"ssh-ed25519") + _sshstr(rbytes(32))) if kind == 2 else b64(_sshstr(b"ssh-rsa") + _sshstr(b"\x01\x00\x01") + _sshstr(b"\x00" + rbytes(256)))
        algo = "ssh-ed25519" if kind == 2 else "ssh-rsa"
        key = "%s %s" % (algo, blob)
        if L.ctx == "config:yaml":
            L.t("users:\n  - name: %s\n    ssh_authorized_keys:\n      - " % pick(USERS))
        elif L.ctx == "config:hcl":
            L.t('resource "aws_key_pair" "deployer" {\n  key_name   = "deployer"\n  public_key = "')
        L.n(key, "ssh_public_key")
        L.t(" %s@%s" % (pick(USERS), pick(HOSTS)))
        if L.ctx == "config:hcl":
            L.t('"\n}')
    elif kind == 4:
        L.ctx = "config:known_hosts"
        L.t("%s " % pick(["git.%s" % pick(DOMAINS), "10.0.4.12", "bastion.%s" % pick(DOMAINS)]))
        L.n("ssh-ed25519 " + b64(_sshstr(b"ssh-ed25519") + _sshstr(rbytes(32))), "ssh_public_key")
    elif kind == 5:
        L.ctx = "config:keyfile"
        pkt = bytes([0x99]) + (ri(200, 500)).to_bytes(2, "big") + rbytes(300)
        b = b64(pkt)
        body = "\n".join(b[i:i + 64] for i in range(0, len(b), 64))
        L.n("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n%s\n=%s\n-----END PGP PUBLIC KEY BLOCK-----" % (body, b64(crc24(pkt).to_bytes(3, "big"))), "pgp_public_key_block")
    elif kind == 6:
        L.ctx = "config:yaml"
        L.t("creation_rules:\n  - path_regex: secrets/.*\\.yaml$\n    age: ")
        L.n(age_public(), "age_public_key")
    elif kind == 7:
        L.ctx = pick(["code:js", "config:dotenv"])
        v = pick(["pk_live_", "pk_test_"]) + rs(ALNUM, pick([24, 99]))
        if L.ctx == "code:js":
            L.t("const stripe = Stripe('")
            L.n(v, "stripe_publishable_key")
            L.t("');")
        else:
            L.t("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=")
            L.n(v, "stripe_publishable_key")
    elif kind == 8:
        L.ctx = "code:js"
        meta = {"u": pick(USERS), "a": rs(LOWALNUM, 25)}
        L.t("mapboxgl.accessToken = '")
        L.n("pk." + b64u(jcompact(meta).encode()) + "." + rs(B64URL, 22), "mapbox_public_token")
        L.t("';")
    else:
        L.ctx = "code:js"
        L.t("datadogRum.init({ applicationId: '")
        L.n(uuid4(), "public_client_id")
        L.t("', clientToken: '")
        L.n("pub" + rs(HEX, 32), "public_client_token")
        L.t("', site: 'datadoghq.eu' });")
    add(L)


def neg_public_ids():
    kind = ri(0, 8)
    if kind == 0:
        one("config:dotenv", "TWILIO_ACCOUNT_SID=@V@", "AC" + rs(HEX, 32), "twilio_account_sid")
    elif kind == 1:
        one("config:json", '{"web": {"client_id": "@V@", "redirect_uris": ["https://app.{dom}/oauth/callback"]}}',
            "%d-%s.apps.googleusercontent.com" % (ri(10 ** 11, 10 ** 12 - 1), rs(LOWALNUM, 32)), "oauth_client_id")
    elif kind == 2:
        one("log", "{ts} INFO  assumed role in account @V@", str(ri(10 ** 11, 10 ** 12 - 1)), "aws_account_id")
    elif kind == 3:
        one("log", "{ts} INFO  stripe: created @V@ for order {n}", pick(["cus_", "pi_", "ch_", "price_", "acct_", "sub_"]) + rs(ALNUM, pick([14, 16, 24])), "object_id")
    elif kind == 4:
        one("chat", "posting release notes to channel @V@", "C0" + rs(UPALNUM, ri(8, 10)), "object_id")
    elif kind == 5:
        one("code:js", "const firebaseConfig = {\n  projectId: \"{org}-web\",\n  appId: \"@V@\",\n};",
            "1:%d:web:%s" % (ri(10 ** 11, 10 ** 12 - 1), rs(HEX, 22)), "public_client_id")
    elif kind == 6:
        one("code:js", "const ldClient = LDClient.initialize('@V@', context);", rs(HEX, 24), "public_client_id")
    elif kind == 7:
        one("config:dotenv", "AZURE_CLIENT_ID=@V@", uuid4(), "oauth_client_id")
    else:
        one("config:yaml", "oauth:\n  client_id: @V@\n  scopes: [openid, profile]", rs(ALNUM, 20), "oauth_client_id")


def neg_version():
    v = pick(["1.24.3-rc.1+build.%d" % ri(20240101, 20261231), "v%d.%d.%d" % (ri(0, 9), ri(0, 30), ri(0, 40)),
              "10.0.%d.%d" % (ri(10000, 26000), ri(100, 5000)), "21.0.%d+%d-LTS" % (ri(1, 6), ri(1, 13)),
              "go1.%d.%d" % (ri(19, 23), ri(0, 9)), "%d.%d.%d-SNAPSHOT" % (ri(0, 5), ri(0, 20), ri(0, 9)),
              "2025.%d.%d-%s" % (ri(1, 12), ri(1, 28), rs(HEX, 7))])
    ctx, tm = pick([("log", "{ts} INFO  starting {repo} version @V@"), ("config:json", '"version": "@V@",'),
                    ("ci", "Using toolchain @V@"), ("shell", "$ app --version\n{repo} @V@")])
    one(ctx, tm, v, "version_string")


def neg_integrity():
    v = pick(["sha512-" + b64(rbytes(64)), "sha1-" + b64(rbytes(20)), "sha384-" + b64(rbytes(48))])
    ctx, tm = pick([("config:json", '"node_modules/{repo}": {\n  "version": "{ver}",\n  "resolved": "https://registry.npmjs.org/{repo}/-/{repo}-{ver}.tgz",\n  "integrity": "@V@"\n}'),
                    ("code:html", '<script src="https://cdn.{dom}/lib.min.js" integrity="@V@" crossorigin="anonymous"></script>'),
                    ("config:yarnlock", '  integrity @V@')])
    one(ctx, tm, v, "npm_integrity")


def neg_data_url_json():
    if chance(0.6):
        sm = {"version": 3, "sources": ["../src/%s.ts" % pick(["index", "app", "util"])], "names": [], "mappings": "AAAA,SAAS;" + rs("ABCDEFGIKMOQSUWY;,", 30)}
        one("code:js", "//# sourceMappingURL=data:application/json;charset=utf-8;base64,@V@", b64(jcompact(sm).encode()), "data_url_json")
    else:
        cfg = {"theme": pick(["dark", "light"]), "locale": pick(["en-GB", "de-DE"]), "features": {"beta": chance(0.5)}}
        one("code:js", "const defaults = await import('data:application/json;base64,@V@', { with: { type: 'json' } });",
            b64(jcompact(cfg).encode()), "data_url_json")


def neg_masked():
    v = pick(["sk_live_****" + rs(ALNUM, 4), "ghp_" + "*" * 36, "AKIA" + "*" * 12 + rs(BASE32, 4), "********",
              "***redacted***", "[REDACTED]", "xoxb-****-****-****", "sk-proj-..." + rs(ALNUM, 4), "hf_****" + rs(ALNUM, 4),
              "glpat-********************", "****-****-****-" + rs(HEX, 4), "[FILTERED]", "<hidden>", "sk_live_..." + rs(ALNUM, 4)])
    if chance(0.5):
        ctx, tm = pick([("log", "{ts} INFO  [{thread}] using credential @V@ for upstream"),
                        ("ci", "+ export TOKEN=@V@"), ("chat", "the key ending in @V@ was rotated yesterday"),
                        ("log", '{"ts":"{ts}","msg":"auth ok","authorization":"Bearer @V@"}'),
                        ("ci", "##[debug]Set output 'token' = @V@")])
        one(ctx, tm, v, "masked_secret")
    else:
        neg_named_line(v, "masked_secret", {"config", "log"})


def neg_encrypted():
    kind = ri(0, 2)
    if kind == 0:
        v = "ENC[AES256_GCM,data:%s,iv:%s,tag:%s,type:str]" % (b64(rbytes(ri(12, 40))), b64(rbytes(32)), b64(rbytes(16)))
        neg_named_line(v, "encrypted_value", {"config"})
    elif kind == 1:
        neg_named_line("ENC(%s)" % b64(rbytes(ri(24, 48))), "encrypted_value", {"config"})
    else:
        L = Line()
        L.ctx = "config:yaml"
        L.t("db_password: !vault |\n          ")
        lines = ["$ANSIBLE_VAULT;1.1;AES256"] + [rs(HEX, 80) for _ in range(ri(3, 5))]
        L.n("\n          ".join(lines), "encrypted_value")
        add(L)


def neg_password_hash():
    h = pick(["$2b$12$", "$2a$10$", "$2y$11$"]) + rs(BCRYPT, 53)
    ctx, tm = pick([("config:htpasswd", "{user}:@V@"), ("config:yaml", "users:\n  - name: {user}\n    password_hash: \"@V@\""),
                    ("log", "{ts} DEBUG seeded user {user} with hash @V@")])
    one(ctx, tm, h, "password_hash")


NON_SECRET_VALUES = [
    ("config:yaml", "password_min_length: @V@", "12"), ("config:dotenv", "PASSWORD_RESET_TTL=@V@", "3600"),
    ("config:yaml", "token_expiry: @V@", "15m"), ("config:yaml", "api_key_header: @V@", "X-Api-Key"),
    ("config:yaml", "secret_name: @V@", "prod-db-credentials"), ("config:dotenv", "TOKEN_URL=@V@", "https://auth.example-corp.net/oauth/token"),
    ("config:dotenv", "SECRET_KEY_FILE=@V@", "/run/secrets/app_key"), ("config:yaml", "password_hash_algorithm: @V@", "argon2id"),
    ("config:json", '{"tokenType": "@V@", "expiresIn": 3600}', "Bearer"), ("config:properties", "security.password.required=@V@", "true"),
    ("config:yaml", "auth:\n  type: @V@", "oauth2"), ("config:dotenv", "API_KEY_ROTATION_DAYS=@V@", "90"),
    ("config:hcl", '  secret_arn_prefix = "@V@"', "arn:aws:secretsmanager"), ("config:ini", "[auth]\ntoken_location = @V@", "header"),
    ("config:yaml", "keystore_type: @V@", "PKCS12"), ("config:dotenv", "GITHUB_TOKEN_SCOPES=@V@", "repo,read:org"),
    ("config:yaml", "secret_store: @V@", "aws-secrets-manager"), ("config:properties", "spring.datasource.username=@V@", "app_user"),
]


def neg_non_secret_value():
    ctx, tm, v = pick(NON_SECRET_VALUES)
    one(ctx, tm, v, "non_secret_value")


NEG_PLAN = [
    (neg_wrong_length, 90), (neg_wrong_alphabet, 60), (neg_bad_checksum, 14), (neg_prefix_prose, 38), (neg_pem_header_only, 8),
    (neg_placeholder, 78), (neg_reference, 70), (neg_git_sha, 35), (neg_sha256, 35), (neg_md5_sha1, 18), (neg_lock_hash, 15),
    (neg_container_id, 8), (neg_ids, 45), (neg_image_data, 14), (neg_configmap, 12), (neg_public_key, 70), (neg_public_ids, 40),
    (neg_version, 20), (neg_integrity, 20), (neg_data_url_json, 12), (neg_masked, 40), (neg_encrypted, 15),
    (neg_password_hash, 10), (neg_non_secret_value, 30),
]


# --------------------------------------------------------------------------
# clean lines
# --------------------------------------------------------------------------
CLEAN_SRC = [
    ("log", "{ts} INFO  [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat started on port(s): {port} (http)"),
    ("log", "{ts} DEBUG [{thread}] c.a.orders.OrderService - processed {n} orders in {ms} ms"),
    ("log", "{ts} WARN  [{thread}] c.a.http.RetryPolicy - attempt 2/5 failed: connect timed out"),
    ("log", '{"ts":"{ts}","level":"info","msg":"user signed in","user":"{user}","mfa":true}'),
    ("log", "{syslog} {hostname} sshd[{pid}]: Accepted publickey for deploy from 203.0.113.{small} port 52{small} ssh2"),
    ("ci", "Step {step}/{steps} : RUN npm ci --omit=dev"),
    ("ci", "[INFO] BUILD SUCCESS\n[INFO] Total time:  {small}.{small} s"),
    ("ci", "Run actions/setup-java@v4\n  with:\n    distribution: temurin\n    java-version: 21"),
    ("shell", "$ git status\nOn branch main\nnothing to commit, working tree clean"),
    ("shell", "kubectl rollout status deployment/{repo} -n prod"),
    ("shell", "  {hist}  docker compose up -d --build"),
    ("config:dotenv", "LOG_LEVEL=info\nPORT={port}\nFEATURE_NEW_CHECKOUT=true"),
    ("config:yaml", "server:\n  port: {port}\n  shutdown: graceful\nmanagement:\n  endpoints:\n    web:\n      exposure:\n        include: health,info"),
    ("config:properties", "spring.jpa.open-in-view=false\nserver.compression.enabled=true"),
    ("config:json", '{"name": "{repo}", "private": true, "scripts": {"test": "vitest run"}}'),
    ("chat", "deploy is green, merging now"),
    ("chat", "{user}: anyone seen the flaky test in OrderServiceTest? fails about 1 in 20 runs"),
    ("chat", "Reset your password from the account page; support will never ask for it."),
    ("chat", "Reminder: rotate your API keys every 90 days and never paste tokens in chat."),
    ("doc", "Set the token in your CI secrets store and reference it from the pipeline; never commit it."),
    ("doc", "The password field is hashed with argon2id before it is stored."),
    ("code:java", "for (int i = 0; i < items.size(); i++) {\n    total += items.get(i).price();\n}"),
    ("code:java", "String token = request.getHeader(\"Authorization\");\nif (token == null) throw new UnauthorizedException();"),
    ("code:python", "def get_api_key():\n    return os.environ[\"API_KEY\"]"),
    ("code:python", "password = getpass.getpass(\"Password: \")"),
    ("code:js", "const secret = await secretsManager.getSecretValue({ SecretId: name });"),
    ("code:go", "token, err := tokenSource.Token()\nif err != nil {\n\treturn err\n}"),
    ("stacktrace", "java.lang.NullPointerException: Cannot invoke \"String.length()\" because \"s\" is null\n\tat com.acme.util.Strings.trim(Strings.java:{line})"),
    ("http", "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"\nContent-Length: 0"),
    ("http", "GET /healthz HTTP/1.1\nHost: {repo}.internal\nUser-Agent: kube-probe/1.29"),
]
CLEAN_T = [from_str(c, s) for c, s in CLEAN_SRC]


def gen_clean(n):
    for _ in range(n):
        L = Line()
        c = Ctx(NSpec(), "", secret=False, label="clean", name="X")
        tpl = pick(CLEAN_T)
        L.ctx = tpl.ctx
        k = kw_for(c)
        k["small"] = ri(10, 99)
        fill(L, CLEAN_SRC[CLEAN_T.index(tpl)][1], k, lambda L_: None)
        add(L)


# --------------------------------------------------------------------------
# build, verify, write
# --------------------------------------------------------------------------
FORMAT_RE = {
    "age_secret_key": r"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
    "jwt": r"eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43,}",
    "slack_bot_token": r"xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24}",
    "slack_user_token": r"xoxp-[0-9]{10,12}-[0-9]{10,12}-[0-9]{10,12}-[0-9a-f]{32}",
    "slack_legacy_token": r"xoxs-[0-9]{10,12}-[0-9]{10,12}-[0-9]{10,12}-[0-9a-f]{32}",
    "slack_app_token": r"xapp-1-A[A-Z0-9]{10}-[0-9]{13}-[0-9a-f]{64}",
    "slack_webhook_url": r"https://hooks\.slack\.com/services/T[A-Z0-9]{8,10}/B[A-Z0-9]{8,10}/[A-Za-z0-9]{24}",
    "github_pat_classic": r"ghp_[A-Za-z0-9]{36}", "github_oauth_token": r"gho_[A-Za-z0-9]{36}",
    "github_user_to_server_token": r"ghu_[A-Za-z0-9]{36}", "github_server_to_server_token": r"ghs_[A-Za-z0-9]{36}",
    "github_refresh_token": r"ghr_[A-Za-z0-9]{36}", "github_fine_grained_pat": r"github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}",
    "gitlab_pat": r"glpat-[A-Za-z0-9_-]{20}", "gitlab_runner_token": r"glrt-[A-Za-z0-9_-]{20}",
    "gitlab_deploy_token": r"gldt-[A-Za-z0-9_-]{20}", "sonarqube_user_token": r"squ_[0-9a-f]{40}",
    "sonarqube_project_token": r"sqp_[0-9a-f]{40}", "sonarqube_analysis_token": r"sqa_[0-9a-f]{40}",
    "snyk_api_token": r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
    "sidekiq_enterprise_credentials": r"[0-9a-f]{8}:[0-9a-f]{8}",
    "sourcegraph_access_token": r"sgp_[0-9a-f]{16}_[0-9a-f]{40}", "sourcegraph_access_token_legacy": r"sgp_[0-9a-f]{40}",
    "postman_api_key": r"PMAK-[0-9a-f]{24}-[0-9a-f]{34}", "buildkite_api_token": r"bkua_[0-9a-f]{40}",
    "circleci_personal_token": r"CCIPAT_[A-Za-z0-9]{22}_[0-9a-f]{40}", "dockerhub_pat": r"dckr_pat_[A-Za-z0-9_-]{27}",
    "npm_access_token": r"npm_[A-Za-z0-9]{36}", "pypi_upload_token": r"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{70,}",
    "rubygems_api_key": r"rubygems_[0-9a-f]{48}", "nuget_api_key": r"oy2[a-z0-9]{43}", "clojars_deploy_token": r"CLOJARS_[a-z0-9]{60}",
    "terraform_cloud_token": r"[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_-]{67}", "vault_service_token": r"hvs\.[A-Za-z0-9_-]{90,}",
    "vault_batch_token": r"hvb\.[A-Za-z0-9_-]{138,}", "doppler_personal_token": r"dp\.pt\.[A-Za-z0-9]{43}",
    "pulumi_access_token": r"pul-[0-9a-f]{40}", "flyio_access_token": r"fo1_[A-Za-z0-9_-]{43}", "netlify_pat": r"nfp_[A-Za-z0-9]{36}",
    "linear_api_key": r"lin_api_[A-Za-z0-9]{40}", "grafana_service_account_token": r"glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}",
    "bitbucket_app_password": r"ATBB[A-Za-z0-9]{32}", "figma_pat": r"figd_[A-Za-z0-9_-]{40}", "readme_api_key": r"rdme_[a-z0-9]{70}",
    "prefect_api_key": r"pnu_[A-Za-z0-9]{36}", "infracost_api_key": r"ico-[A-Za-z0-9]{32}", "octopus_api_key": r"API-[A-Z0-9]{26,32}",
    "launchdarkly_access_token": r"api-[0-9a-f-]{36}", "heroku_platform_token": r"HRKU-[A-Za-z0-9_-]{60}",
    "shopify_access_token": r"shpat_[0-9a-f]{32}", "shopify_shared_secret": r"shpss_[0-9a-f]{32}",
    "shopify_custom_app_token": r"shpca_[0-9a-f]{32}", "shopify_private_app_token": r"shppa_[0-9a-f]{32}",
    "aws_access_key_id": r"AKIA[A-Z2-7]{16}", "aws_temporary_access_key_id": r"ASIA[A-Z2-7]{16}",
    "aws_secret_access_key": r"[A-Za-z0-9+/]{40}", "google_api_key": r"AIza[A-Za-z0-9_-]{35}",
    "azure_storage_account_key": r"[A-Za-z0-9+/]{86}==", "azure_ad_client_secret": r"[A-Za-z0-9]{3}8Q~[A-Za-z0-9_~.-]{34}",
    "digitalocean_pat": r"dop_v1_[0-9a-f]{64}", "digitalocean_oauth_token": r"doo_v1_[0-9a-f]{64}",
    "digitalocean_refresh_token": r"dor_v1_[0-9a-f]{64}", "alibaba_access_key_id": r"LTAI[A-Za-z0-9]{20}",
    "tencent_secret_id": r"AKID[A-Za-z0-9]{32}", "ibm_cloud_api_key": r"[A-Za-z0-9_-]{44}",
    "cloudflare_api_token": r"[A-Za-z0-9_-]{40}", "cloudflare_origin_ca_key": r"v1\.0-[0-9a-f]{24}-[0-9a-f]{146}",
    "databricks_token": r"dapi[0-9a-f]{32}", "supabase_access_token": r"sbp_[0-9a-f]{40}",
    "planetscale_service_token": r"pscale_tkn_[A-Za-z0-9_-]{43}", "planetscale_password": r"pscale_pw_[A-Za-z0-9_-]{43}",
    "stripe_live_secret_key": r"sk_live_[A-Za-z0-9]{24,99}", "stripe_test_secret_key": r"sk_test_[A-Za-z0-9]{24,99}",
    "stripe_restricted_key": r"rk_live_[A-Za-z0-9]{24,99}", "stripe_webhook_secret": r"whsec_[A-Za-z0-9]{32}",
    "square_access_token": r"EAAA[A-Za-z0-9_-]{60}", "square_oauth_secret": r"sq0csp-[A-Za-z0-9_-]{43}",
    "braintree_access_token": r"access_token\$(production|sandbox)\$[a-z0-9]{16}\$[0-9a-f]{32}",
    "flutterwave_secret_key": r"FLWSECK(_TEST)?-[0-9a-f]{32}-X", "shippo_api_token": r"shippo_(live|test)_[0-9a-f]{40}",
    "twilio_api_key": r"SK[0-9a-f]{32}", "twilio_auth_token": r"[0-9a-f]{32}",
    "sendgrid_api_key": r"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}", "mailgun_api_key": r"key-[0-9a-f]{32}",
    "mailchimp_api_key": r"[0-9a-f]{32}-us[0-9]{1,2}", "telegram_bot_token": r"[0-9]{8,10}:AA[A-Za-z0-9_-]{33}",
    "discord_bot_token": r"[A-Za-z0-9+/]{24}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,}", "facebook_access_token": r"EAA[A-Za-z0-9]{100,}",
    "datadog_api_key": r"[0-9a-f]{32}", "datadog_app_key": r"[0-9a-f]{40}", "newrelic_user_api_key": r"NRAK-[A-Z0-9]{27}",
    "newrelic_insert_key": r"NRII-[A-Za-z0-9_-]{32}", "sentry_user_token": r"sntryu_[0-9a-f]{64}", "sentry_dsn_key": r"[0-9a-f]{32}",
    "sentry_org_token": r"sntrys_eyJ[A-Za-z0-9+/]+_[A-Za-z0-9+/]{43}",
    "dynatrace_api_token": r"dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}", "honeycomb_api_key": r"[0-9a-f]{32}",
    "okta_api_token": r"00[A-Za-z0-9_-]{40}", "auth0_client_secret": r"[A-Za-z0-9_-]{64}",
    "openai_project_key": r"sk-proj-[A-Za-z0-9_-]{156}", "openai_legacy_key": r"sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}",
    "openai_service_account_key": r"sk-svcacct-[A-Za-z0-9_-]{156}", "anthropic_api_key": r"sk-ant-api03-[A-Za-z0-9_-]{93}AA",
    "huggingface_token": r"hf_[A-Za-z0-9]{34}", "replicate_api_token": r"r8_[A-Za-z0-9]{37}", "groq_api_key": r"gsk_[A-Za-z0-9]{52}",
    "perplexity_api_key": r"pplx-[A-Za-z0-9]{48}", "cohere_api_key": r"[A-Za-z0-9]{40}", "mistral_api_key": r"[A-Za-z0-9]{32}",
    "xai_api_key": r"xai-[A-Za-z0-9]{80}", "deepseek_api_key": r"sk-[0-9a-f]{32}", "openrouter_api_key": r"sk-or-v1-[0-9a-f]{64}",
    "langsmith_api_key": r"lsv2_pt_[0-9a-f]{32}_[0-9a-f]{10}", "rails_secret_key_base": r"[0-9a-f]{128}",
}
PEM_TYPES = {"pgp_private_key_block": "PGP PRIVATE KEY BLOCK", "openssh_private_key": "OPENSSH PRIVATE KEY",
             "pkcs8_private_key": "PRIVATE KEY", "ec_private_key": "EC PRIVATE KEY", "rsa_private_key": "RSA PRIVATE KEY",
             "gcp_service_account_private_key": "PRIVATE KEY"}
_FORMAT_C = {k: re.compile(v) for k, v in FORMAT_RE.items()}


def check_format(typ, v):
    if typ in _FORMAT_C:
        assert _FORMAT_C[typ].fullmatch(v), ("value does not follow its format", typ, v)
    if typ.startswith("github_") and typ != "github_fine_grained_pat":
        assert github_checksum(v[4:34]) == v[34:], ("bad github checksum", v)
    if typ == "age_secret_key":
        assert bech32_verify(v), v
    if typ in PEM_TYPES:
        label = PEM_TYPES[typ]
        assert v.startswith("-----BEGIN %s-----" % label) and v.endswith("-----END %s-----" % label), (typ, v[:40], v[-40:])
    if typ in ("k8s_secret_data_b64", "docker_config_auth", "basic_auth_b64"):
        base64.b64decode(v, validate=True)


def verify(L):
    text = L.text()
    assert text.isascii(), ("non-ASCII text", text[:80])
    marks = []
    for (s, e, typ, v, fam) in L.spans:
        assert 0 <= s < e <= len(text), (typ, s, e)
        assert text[s:e] == v, ("span mismatch", typ, text[s:e], v)
        assert typ and fam
        check_format(typ, v.replace(L.nl, "\n") if L.nl != "\n" else v)
        marks.append((s, e, "span"))
    for (s, e, why, v) in L.negs:
        assert 0 <= s < e <= len(text), (why, s, e)
        assert text[s:e] == v, ("negative mismatch", why, text[s:e], v)
        marks.append((s, e, "neg"))
    marks.sort()
    for a, b in zip(marks, marks[1:]):
        assert a[1] <= b[0], ("overlapping marks", a, b, text)
    return text


def main():
    gen_all_positive()
    for _ in range(24):
        composite_env()
    for _ in range(14):
        composite_shell_history()
    for _ in range(4):
        composite_bearer_jwt()
    for fn, count in NEG_PLAN:
        for _ in range(count):
            fn()
    gen_clean(160)

    R.shuffle(RECORDS)

    seen_values = set()
    out_lines = []
    ctx_count = Counter()
    line_class = Counter()
    fam_spans = Counter()
    type_spans = Counter()
    type_family = {}
    neg_reasons = Counter()
    ctx_by_class = defaultdict(Counter)
    for L in RECORDS:
        text = verify(L)
        for v in {sp[3] for sp in L.spans}:
            assert v not in seen_values, ("secret value reused across lines", v[:12])
            seen_values.add(v)
        for (s, e, typ, v, fam) in L.spans:
            fam_spans[fam] += 1
            type_spans[typ] += 1
            type_family.setdefault(typ, set()).add(fam)
        for (s, e, why, v) in L.negs:
            neg_reasons[why] += 1
        cls = "positive" if L.spans else ("negative" if L.negs else "clean")
        line_class[cls] += 1
        ctx = L.ctx.split(":")[0]
        ctx_count[L.ctx] += 1
        ctx_by_class[ctx][cls] += 1
        rec = {"text": text,
               "spans": [{"start": s, "end": e, "kind": "secret", "type": typ} for (s, e, typ, v, fam) in sorted(L.spans)]}
        if L.negs:
            rec["negatives"] = [{"start": s, "end": e, "type": why} for (s, e, why, v) in sorted(L.negs)]
        out_lines.append(json.dumps(rec, ensure_ascii=True, separators=(", ", ": ")))

    # secret values must not leak into lines where they are not marked
    with open(OUT, "w", encoding="ascii", newline="\n") as f:
        for ln in out_lines:
            f.write(ln + "\n")

    # re-read and re-verify what was written
    with open(OUT, encoding="ascii") as f:
        for i, ln in enumerate(f):
            rec = json.loads(ln)
            t = rec["text"]
            for sp in rec["spans"]:
                assert sp["kind"] == "secret"
                assert 0 <= sp["start"] < sp["end"] <= len(t), (i, sp)
            for ng in rec.get("negatives", []):
                assert 0 <= ng["start"] < ng["end"] <= len(t), (i, ng)

    if "--quiet" in sys.argv:
        return
    print("wrote %s: %d lines" % (os.path.relpath(OUT), len(out_lines)))
    print("lines: positive=%d negative=%d clean=%d" % (line_class["positive"], line_class["negative"], line_class["clean"]))
    print("spans: %d, distinct span types: %d, negatives marked: %d" % (sum(type_spans.values()), len(type_spans), sum(neg_reasons.values())))
    print("\n| context | positive | negative | clean | total |\n|---|---:|---:|---:|---:|")
    for ctx in sorted(ctx_by_class):
        c = ctx_by_class[ctx]
        print("| %s | %d | %d | %d | %d |" % (ctx, c["positive"], c["negative"], c["clean"], sum(c.values())))
    print("\nsub-contexts: " + ", ".join("%s %d" % kv for kv in sorted(ctx_count.items())))
    print("\n| family | lines | spans | types | type names |\n|---|---:|---:|---:|---|")
    fam_types = defaultdict(set)
    for typ, fams in type_family.items():
        for fm in fams:
            fam_types[fm].add(typ)
    fam_lines = Counter()
    for L in RECORDS:
        for fm in {sp[4] for sp in L.spans}:
            fam_lines[fm] += 1
    for fam in sorted(fam_spans):
        print("| %s | %d | %d | %d | %s |" % (fam, fam_lines[fam], fam_spans[fam], len(fam_types[fam]), ", ".join(sorted(fam_types[fam]))))
    print("\n| span type | count |\n|---|---:|")
    for typ, n in sorted(type_spans.items()):
        print("| %s | %d |" % (typ, n))
    print("\n| negative reason | count |\n|---|---:|")
    for why, n in sorted(neg_reasons.items()):
        print("| %s | %d |" % (why, n))


if __name__ == "__main__":
    main()
