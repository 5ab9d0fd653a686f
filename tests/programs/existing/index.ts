// An existing VPC, looked up by id from config, with an endpoint in two of its subnets.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../../../sdk/index";
import { TOPOLOGY as T } from "../../../plan/aws/topology";

const config = new pulumi.Config();
const vpc = aws.ec2.getVpcOutput({ id: config.require("vpcId") });
export const url = new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: vpc.id, subnetIds: config.requireObject<string[]>("subnetIds") }).url;
