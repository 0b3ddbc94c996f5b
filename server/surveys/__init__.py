"""Surveys of a network: needs, evaluation or her own; answered on phones, anonymous if she chose."""
