// A service made private in the console, adopted: the PrivateEndpoint manages the endpoint, its security group and the
// connection that exist, importing each, instead of creating new ones.
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "./sdk/index";

const config = new pulumi.Config();
const api = new PrivateEndpoint("api", {
    serviceArn: config.require("serviceArn"),
    vpcId: config.require("vpcId"),
    subnetIds: config.requireObject<string[]>("subnetIds"),
    adoptVpcEndpointId: config.require("endpointId"),
    adoptSecurityGroupId: config.require("securityGroupId"),
    adoptConnectionArn: config.require("connectionArn"),
});

export const domainName = api.domainName;
export const vpcEndpointId = api.vpcEndpointId;
export const securityGroupId = api.securityGroupId;
export const connectionArn = api.vpcIngressConnectionArn;
