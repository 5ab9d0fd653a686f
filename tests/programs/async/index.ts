// A program whose main is an exported async function: its stack outputs are what the function returns.
import { PrivateEndpoint } from "../../../sdk/index";
import { TOPOLOGY as T } from "../../../plan/aws/topology";

export = async () => {
    const api = new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId });
    return { url: api.url, nested: { endpoints: [api.vpcEndpointId], literal: 7 } };
};
