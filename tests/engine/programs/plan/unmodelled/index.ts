// Resources the plan does not model (an IAM role, an ECR repository) beside a PrivateEndpoint.
import * as aws from "@pulumi/aws";
import { PrivateEndpoint } from "../../../../../sdk/index";
import { TOPOLOGY as T } from "../../../../../plan/aws/topology";

const role = new aws.iam.Role("access", { assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
new aws.ecr.Repository("images", {});
export const roleArn = role.arn;
export const url = new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId }).url;
