"""Open Referral HSDS 3.0 API, read-only, under /api/hsds/.

Every path works with and without a trailing slash (HSDA clients differ), so no redirect.
"""

from django.urls import re_path

from . import api

ID = r"(?P<object_id>[^/]+)"

urlpatterns = [
    re_path(r"^$", api.index, name="hsds-index"),
    re_path(r"^services/?$", api.service_list, name="hsds-services"),
    re_path(rf"^services/{ID}/?$", api.service_detail, name="hsds-service"),
    re_path(r"^organizations/?$", api.organization_list, name="hsds-organizations"),
    re_path(rf"^organizations/{ID}/?$", api.organization_detail, name="hsds-organization"),
    re_path(r"^taxonomy_terms/?$", api.taxonomy_term_list, name="hsds-taxonomy-terms"),
    re_path(rf"^taxonomy_terms/{ID}/?$", api.taxonomy_term_detail, name="hsds-taxonomy-term"),
    re_path(r"^export\.json$", api.export_json, name="hsds-export-json"),
    re_path(r"^export\.zip$", api.export_zip, name="hsds-export-zip"),
    re_path(r"^(?P<path>.*)$", api.not_found),
]
