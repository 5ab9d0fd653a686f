// A complete private service whose region, team and database password come from the stack's configuration; the
// password is a secret, exported and used as a tag.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../../../../../sdk/index";

const config = new pulumi.Config();
const team = config.require("team");
const password = config.requireSecret("dbPassword");

const zones = aws.getAvailabilityZonesOutput({ state: "available" });
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", tags: { team } });
const subnets = [0, 1].map(
    (i) => new aws.ec2.Subnet(`private-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: zones.names[i] }),
);
const service = new aws.apprunner.Service("api", {
    serviceName: "private-api",
    sourceConfiguration: {
        autoDeploymentsEnabled: false,
        imageRepository: { imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest", imageRepositoryType: "ECR_PUBLIC" },
    },
    networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
    tags: { team, db: password },
});
const api = new PrivateEndpoint("api", { serviceArn: service.arn, vpcId: vpc.id, subnetIds: subnets.map((s) => s.id), tags: { team } });

// A program that writes its secret into a message: the engine masks secrets in values only; the plan masks this too.
password.apply((p) => pulumi.log.warn(`connecting to the database with ${p}`));

export const url = api.url;
export { password };
export const connection = { user: "app", password };
