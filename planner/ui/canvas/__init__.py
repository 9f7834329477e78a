"""The plan canvas: scene items for each entity, and the zoomable, pannable view."""
