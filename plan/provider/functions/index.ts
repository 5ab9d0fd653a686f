// The data sources (invokes) of `@pulumi/aws` 7 the programs here use, as the Terraform provider answers them: which
// AWS action each calls, with which filters, and the error when nothing or too much matches (internal/service/ec2
// vpc_data_source.go, vpc_subnet_data_source.go, vpc_subnets_data_source.go, vpc_security_group_data_source.go,
// internal/service/meta, internal/service/sts, internal/service/cloudcontrol/resource_data_source.go).
import { getResource } from "./cloudcontrol";
import { getNetworkInterfaces, getSecurityGroup, getSubnet, getSubnets, getVpc } from "./ec2";
import { getVpcEndpoint, getVpcEndpointService } from "./vpcEndpoints";
import { getAvailabilityZones, getCallerIdentity, getRegion } from "./meta";
import { FunctionType } from "./types";

export type { FunctionType } from "./types";

export const FUNCTIONS: Record<string, FunctionType> = Object.fromEntries(
    [
        getRegion,
        getCallerIdentity,
        getAvailabilityZones,
        getVpc,
        getSubnet,
        getSubnets,
        getSecurityGroup,
        getVpcEndpoint,
        getVpcEndpointService,
        getNetworkInterfaces,
        getResource,
    ].map((f) => [f.schema.token, f]),
);
