"""The desktop app's widgets and Qt models. They only adapt the core's data; all parsing lives in reader.core."""
