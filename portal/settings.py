"""Settings for the WIN-portaal, read from environment variables.

Every value that differs between a laptop and production comes from the environment; nothing
secret or permissive is written here. See the README for the full list of variables.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from portal.environment import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "value (for example the output of: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(50))'), or set DEBUG=1 for local development."
        )
    # Local development only: a fresh key per process, so no key ever lives in the code.
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Set it to the host names this site answers to, "
            "separated by commas (for example: win.zoetermeer.nl)."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]

BASE_URL = os.environ.get("BASE_URL", "").rstrip("/")
# portal.core.checks warns on `check --deploy` when the fallback below is in use.
BASE_URL_FROM_ENVIRONMENT = bool(BASE_URL)
if not BASE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "BASE_URL is not set. Set it to the public address of the site, "
            "for example https://win.zoetermeer.nl"
        )
    BASE_URL = "http://127.0.0.1:8000"
WAGTAILADMIN_BASE_URL = BASE_URL
# Wagtail's "forgot password" form, throttled per account and per client address.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.accounts.forms.ThrottledPasswordResetForm"  # noqa: S105
CSRF_TRUSTED_ORIGINS = [BASE_URL]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite connections are cheap and must not be shared across threads of the dev server.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # IMMEDIATE: a transaction takes the write lock when it begins, so several gunicorn workers
    # writing at once (feedback, page-view counts) wait for each other (up to `timeout`
    # seconds) instead of failing with "database is locked" (the soak run found this).
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "winportaal",
            "OPTIONS": {
                # A cache outage must slow the site down, not take it down.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        },
        # Page pieces under content-versioned keys: the worker's memory first, then Redis
        # (portal/core/fragment_cache.py).
        "fragments": {
            "BACKEND": "portal.core.fragment_cache.LocalFirstCache",
            "TIMEOUT": 3600,
            "OPTIONS": {"SHARED": "default"},
        },
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragments",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }

INSTALLED_APPS = [
    # Our apps come first so their templates and admin URLs take precedence.
    "portal.core",
    "portal.directory",
    "portal.facts",
    "portal.glossary",
    "portal.guides",
    "portal.translations",
    "portal.search",
    "portal.desk",
    "portal.pagecache",
    "portal.offline",
    "portal.accounts",
    "portal.insights",
    "portal.terminology",
    "portal.resilience",
    "portal.backup",
    # modeltranslation must be loaded before django.contrib.admin.
    "modeltranslation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]
if USING_POSTGRES:
    # Wagtail's PostgreSQL search backend needs it.
    INSTALLED_APPS.append("django.contrib.postgres")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compress HTML (whitenoise serves static files pre-compressed), then answer 304 to a
    # matching If-None-Match with the ETag of the uncompressed page.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.PortalLocaleMiddleware",
    "portal.core.middleware.LanguageCookieMiddleware",
    "portal.core.middleware.RejectNullCharactersMiddleware",
    # Outside the page cache: cached guides get a feedback token issued when they are served.
    "portal.insights.middleware.FeedbackTokenMiddleware",
    "portal.pagecache.middleware.PageCacheMiddleware",
    # Views that cannot reach the database answer 503 in the reader's language.
    "portal.resilience.middleware.DatabaseOutageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it can turn a locked-out login into its own answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.i18n",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.core.context_processors.site_languages",
                "portal.core.context_processors.content_version",
                "portal.core.context_processors.urgent_numbers",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Dutch is the source language; adding a language is one line here plus its catalogue
# in locale/. The names are how each language calls itself.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Bulgarian titles must give Latin slugs, so URLs stay typeable on any keyboard.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# locale/wagtail_localize/ holds wagtail-localize's own strings where its catalogue lacks them
# (Bulgarian) or glues a word to a language name; `make messages` leaves it alone.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail_localize"]
LANGUAGE_COOKIE_NAME = "language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# What readers see when something is not translated into their language: pages and directory
# texts fall back to English, then Dutch.
LANGUAGE_FALLBACKS = {"default": ("en", "nl"), "en": ("nl",), "nl": ()}
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = LANGUAGE_FALLBACKS

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "WIN-portaal Zoetermeer"

# E-mail (editors' daily e-mail about outdated translations, password resets). Without
# EMAIL_HOST, messages are written to the log (console back-end) instead of being sent, so a
# laptop or a test machine never mails anyone.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=EMAIL_PORT == 465 and not EMAIL_USE_TLS)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "WIN-portaal <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
# Uploads: only these types and sizes. Wagtail checks that an image really is one; documents
# are checked by their first bytes (portal/core/uploads.py). No SVG: it can carry scripts.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.core.uploads.CheckedDocumentForm"
DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# Machine translation is an optional helper for translators, off unless a DeepL key is given.
# Its suggestions appear in wagtail-localize's editor as "Translate with DeepL" and are marked
# as machine translations until a person checks them.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# Security. Production (DEBUG off) gets HTTPS-only cookies and HSTS; `check --deploy` is clean.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Wagtail reads the CSRF token from the page, never from the cookie, so scripts need neither.
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
# Editor accounts (portal/accounts): django-axes locks a username out from one client address
# after AXES_FAILURE_LIMIT failed logins, for AXES_COOLOFF_MINUTES. The address is REMOTE_ADDR
# unless TRUSTED_PROXY_COUNT says how many of our own proxies append to X-Forwarded-For.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.core.security.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.accounts.views.locked_out"
AXES_VERBOSE = False
# Keep only failed attempts (needed for the lock-out), not a log of every editor login.
AXES_DISABLE_ACCESS_LOG = True
# Two-step login: optional for every editor; "superusers" or "all" makes it compulsory.
REQUIRE_2FA_FOR = os.environ.get("REQUIRE_2FA_FOR", "").strip().lower()
if REQUIRE_2FA_FOR not in {"", "superusers", "all"}:
    raise ImproperlyConfigured("REQUIRE_2FA_FOR must be empty, 'superusers' or 'all'.")
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# No avatars from gravatar.com: the admin makes no third-party requests either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

if env_bool("TRUST_X_FORWARDED_PROTO"):
    # Only behind a load balancer that sets this header itself and strips it from clients.
    # gunicorn.conf.py reads the same variable: off, neither of them believes the header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Wagtail logs every background task and publish at INFO; that drowns real messages.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # django-axes logs every login at INFO, with masked values; failures still show.
        "axes": {"level": "WARNING"},
    },
}

# Content truth (portal/facts, portal/guides): a page is due for review PAGE_REVIEW_MONTHS after
# its last_reviewed date; "Figures to check" lists values expiring within FACTS_EXPIRING_DAYS and
# sources nobody checked for FACTS_CHECK_EVERY_MONTHS.
PAGE_REVIEW_MONTHS = int(os.environ.get("PAGE_REVIEW_MONTHS", "6"))
FACTS_EXPIRING_DAYS = int(os.environ.get("FACTS_EXPIRING_DAYS", "30"))
FACTS_CHECK_EVERY_MONTHS = int(os.environ.get("FACTS_CHECK_EVERY_MONTHS", "12"))
