// Policy rules for App Runner private services, usable in any policy pack: `rules` as plain data and pure
// functions, and `toPolicies` to turn them into @pulumi/policy policies.
import { connectionDeleteBeforeReplace } from "./rules/connectionDeleteBeforeReplace";
import { connectionEndpointSameVpc } from "./rules/connectionEndpointSameVpc";
import { endpointInterface } from "./rules/endpointInterface";
import { endpointIpv4Only } from "./rules/endpointIpv4Only";
import { endpointMultiAz } from "./rules/endpointMultiAz";
import { endpointNoPolicy } from "./rules/endpointNoPolicy";
import { endpointRegionMatchesService } from "./rules/endpointRegionMatchesService";
import { endpointSecurityGroup } from "./rules/endpointSecurityGroup";
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
    endpointIpv4Only,
    endpointMultiAz,
    endpointNoPolicy,
    endpointRegionMatchesService,
    endpointSecurityGroup,
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
    endpointIpv4Only,
    endpointSecurityGroup,
    oneConnectionPerService,
    connectionEndpointSameVpc,
    endpointRegionMatchesService,
    sharedEndpoint,
    connectionDeleteBeforeReplace,
];
