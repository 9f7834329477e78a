"""The canvas tools other than Select: drawing halls, zones and obstacles, placing columns,
doors and booths, measuring."""
