// An existing service made private in an existing VPC: the VPC by id, its subnets by filter, the clients' security
// group by id, all from config, as a team would point a program at what its account already has.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../../../../../sdk/index";

const config = new pulumi.Config();
const vpc = aws.ec2.getVpcOutput({ id: config.require("vpcId") });
const subnets = aws.ec2.getSubnetsOutput({ filters: [{ name: "vpc-id", values: [vpc.id] }] });
const clients = aws.ec2.getSecurityGroupOutput({ id: config.require("clientGroupId") });
const api = new PrivateEndpoint("api", {
    serviceArn: config.require("serviceArn"),
    vpcId: vpc.id,
    subnetIds: subnets.ids,
    allowedSecurityGroupIds: [clients.id],
});

export const url = api.url;
