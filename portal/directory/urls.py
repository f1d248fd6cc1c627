from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("<str:pk>/", views.service_detail, name="service_detail"),
]
