// The resources of `@pulumi/aws` 7 this repository's programs use, as the Terraform AWS provider behind it implements
// them (hashicorp/terraform-provider-aws, one file each beside this one): which AWS actions each create, read, update
// and delete calls, in which order, what it waits for and how long, and how it words its errors. Their schema
// (../schema.ts) is @pulumi/aws 7.48's. What is left out is listed in CONTRIBUTING.md.
//
// The release: @pulumi/aws 7.48.0 (the lockfile's), which bundles terraform-provider-aws v6.63.0 or later (pulumi-aws
// 7.45.0's release notes upgrade it to v6.63.0; the exact tag 7.48.0 bundles is not in the npm package). Each file names
// the version of its source file read (a commit of hashicorp/terraform-provider-aws), and each schema was checked
// against @pulumi/aws 7.48.0's type declarations. Every replace-or-update decision (`forceNew`, CustomizeDiff) is cited
// in its file; the engine test tests/engine/lifecycle.test.ts changes each input of each child the component creates
// and asserts it.
import { cloudControlResource } from "./cloudControlResource";
import { ResourceType } from "./common";
import { securityGroup } from "./securityGroup";
import { service } from "./service";
import { subnet } from "./subnet";
import { vpc } from "./vpc";
import { vpcEndpoint } from "./vpcEndpoint";
import { vpcIngressConnection } from "./vpcIngressConnection";

export { ResourceType, tagsOut } from "./common";
export { endpointAttributes } from "./vpcEndpoint";

export const RESOURCES: Record<string, ResourceType> = Object.fromEntries(
    [vpc, subnet, securityGroup, vpcEndpoint, service, vpcIngressConnection, cloudControlResource].map((r) => [r.schema.token, r]),
);

/** The types the stand-in creates; anything else is not modelled. */
export const MODELLED_TYPES = Object.keys(RESOURCES);
export const [VPC, SUBNET, SECURITY_GROUP, VPC_ENDPOINT, SERVICE, CONNECTION, CLOUDCONTROL_RESOURCE] = MODELLED_TYPES;

export type { FunctionSchema, Prop } from "../schema";
