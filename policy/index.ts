// Policy rules for App Runner private services, usable in any policy pack: `rules` as plain data and pure
// functions, and `toPolicies` to turn them into @pulumi/policy policies.
import { connectionDeleteBeforeReplace } from "./rules/connectionDeleteBeforeReplace";
import { connectionEndpointSameVpc } from "./rules/connectionEndpointSameVpc";
import { endpointInterface } from "./rules/endpointInterface";
import { endpointIpAddressType } from "./rules/endpointIpAddressType";
import { endpointMultiAz } from "./rules/endpointMultiAz";
import { endpointNoPolicy } from "./rules/endpointNoPolicy";
import { endpointRegionMatchesService } from "./rules/endpointRegionMatchesService";
import { endpointSecurityGroup, endpointSecurityGroupNotWorldOpen } from "./rules/endpointSecurityGroup";
import { oneConnectionPerService } from "./rules/oneConnectionPerService";
import { serviceNotPublic } from "./rules/serviceNotPublic";
import { sharedEndpoint } from "./rules/sharedEndpoint";
import { Rule } from "./types";

export * from "./types";
export { toPolicies, toResourceView } from "./adapter";
export {
    connectionDeleteBeforeReplace,
    connectionEndpointSameVpc,
    endpointInterface,
    endpointIpAddressType,
    endpointMultiAz,
    endpointNoPolicy,
    endpointRegionMatchesService,
    endpointSecurityGroup,
    endpointSecurityGroupNotWorldOpen,
    oneConnectionPerService,
    serviceNotPublic,
    sharedEndpoint,
};

/** Every rule, in the order packs list them. */
export const rules: Rule[] = [
    serviceNotPublic,
    endpointInterface,
    endpointMultiAz,
    endpointNoPolicy,
    endpointIpAddressType,
    endpointSecurityGroupNotWorldOpen,
    endpointSecurityGroup,
    oneConnectionPerService,
    connectionEndpointSameVpc,
    endpointRegionMatchesService,
    sharedEndpoint,
    connectionDeleteBeforeReplace,
];
