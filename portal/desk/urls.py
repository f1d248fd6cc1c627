from django.urls import path

from . import views

app_name = "desk"

urlpatterns = [
    path("", views.finder, name="finder"),
    path("<str:kind>/<str:key>/<str:language>/", views.handover, name="handover"),
    path("<str:kind>/<str:key>/<str:language>/print/<str:size>/", views.printout, name="print"),
    path("service/<str:key>/<str:language>/slip/", views.referral_slip, name="slip"),
]
