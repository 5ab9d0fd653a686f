// One existing App Runner service made private: its own endpoint, security group and connection.
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "./sdk/index";

const config = new pulumi.Config();
const api = new PrivateEndpoint("api", {
    serviceArn: config.require("serviceArn"),
    vpcId: config.require("vpcId"),
    subnetIds: config.requireObject<string[]>("subnetIds"),
    tags: { team: "payments" },
});

export const url = api.url;
export const vpcEndpointId = api.vpcEndpointId;
export const securityGroupId = api.securityGroupId;
export const connectionArn = api.vpcIngressConnectionArn;
