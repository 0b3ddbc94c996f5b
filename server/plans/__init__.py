"""A network's annual work plan (roczny plan pracy sieci): versions, approval, tasks."""
