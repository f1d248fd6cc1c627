"""Open Referral HSDS 3.0 API, read-only, under /api/hsds/."""

urlpatterns = []
