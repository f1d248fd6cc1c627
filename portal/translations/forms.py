from django import forms

from .models import DigestSetting


class DigestSettingForm(forms.ModelForm):
    class Meta:
        model = DigestSetting
        fields = ["translation_digest"]
