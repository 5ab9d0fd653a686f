// Both subnetIds and vpcEndpointId: the component refuses it before registering any child.
import { PrivateEndpoint } from "../../../../../sdk/index";
import { TOPOLOGY as T } from "../../../../../plan/aws/topology";

new PrivateEndpoint("api", {
    serviceArn: T.apiServiceArn,
    vpcId: T.vpcId,
    subnetIds: [T.subnetA, T.subnetB],
    vpcEndpointId: T.existingEndpointId,
});
