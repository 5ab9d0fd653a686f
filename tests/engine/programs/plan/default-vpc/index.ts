// An endpoint in the region's default VPC, in every one of its subnets, all found by lookups.
import * as aws from "@pulumi/aws";
import { PrivateEndpoint } from "../../../../../sdk/index";
import { TOPOLOGY as T } from "../../../../../plan/aws";

const vpc = aws.ec2.getVpcOutput({ default: true });
const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: "vpc-id", values: [vpc.id] }] });
const api = new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: vpc.id, subnetIds: subnets.ids });

export const vpcId = vpc.id;
export const url = api.url;
