"""Turning library results into text for people and machines; returns strings, never prints."""
