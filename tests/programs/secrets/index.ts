// A secret from config, exported as it is and inside an object.
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
export const password = config.requireSecret("dbPassword");
export const connection = { user: "app", password };
export const user = "app";
