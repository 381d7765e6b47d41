"""The claimtrack commands, one module per area; ``claimtrack.cli`` assembles them."""
