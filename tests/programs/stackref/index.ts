// The VPC comes from another stack's outputs.
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../../../sdk/index";
import { TOPOLOGY as T } from "../../../plan/aws/topology";

const network = new pulumi.StackReference("acme/network/prod");
const vpcId = network.requireOutput("vpcId") as pulumi.Output<string>;
export const url = new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId, vpcEndpointId: T.existingEndpointId }).url;
