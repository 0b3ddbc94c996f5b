"""What a session remembers of the device that signed in: a label she recognises in her list
("Chrome, Android") and a coarse address. Nothing finer is kept (RODO: no full User-Agent, no
full IP address)."""
from __future__ import annotations

import ipaddress

# First match wins: Edge and Opera say "Chrome" too, Chrome says "Safari".
BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("FxiOS", "Firefox"),
            ("CriOS", "Chrome"), ("SamsungBrowser", "Samsung Internet"), ("Chrome/", "Chrome"),
            ("Chromium/", "Chromium"), ("Safari/", "Safari"))
SYSTEMS = (("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"),
           ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"))


def label(user_agent: str | None) -> str:
    """'Chrome, Android'; '' when the browser tells nothing we know."""
    agent = user_agent or ""
    browser = next((name for mark, name in BROWSERS if mark in agent), "")
    system = next((name for mark, name in SYSTEMS if mark in agent), "")
    return ", ".join(part for part in (browser, system) if part)


def coarse_ip(address: str | None) -> str:
    """The network she came from, not her address: 83.12.5.0/24, 2a01:110:8012::/48."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return ""
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))
