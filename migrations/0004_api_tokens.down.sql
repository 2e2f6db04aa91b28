-- Reverts 0004: every API token stops working.
DROP TABLE "api_token";
