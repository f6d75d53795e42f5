"""What every chat front end shares: guarding input and relaying to the assistant."""
