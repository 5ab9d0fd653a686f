// EC2 tags: CreateTags, DeleteTags.
import { Account, Tag } from "../account";
import { fail } from "../errors";
import { checkTags, Ec2Handler } from "./common";

// --- tags ----------------------------------------------------------------------------------------------------------

function taggable(account: Account, region: string, id: string): { Tags: Tag[] } {
    const found =
        account.state.vpcs.find((o) => o.VpcId === id && o.Region === region) ??
        account.state.subnets.find((o) => o.SubnetId === id && o.Region === region) ??
        account.state.securityGroups.find((o) => o.GroupId === id && o.Region === region) ??
        account.state.vpcEndpoints.find((o) => o.VpcEndpointId === id && o.Region === region);
    // The code for a well-formed id that does not exist is unverified; EC2 answers InvalidID for malformed ones.
    return found ?? fail("InvalidID", `The ID '${id}' is not valid`);
}

export const CreateTags: Ec2Handler = (account, region, p) => {
    for (const id of p.Resources ?? []) {
        const o = taggable(account, region, id);
        const tags: Tag[] = p.Tags ?? [];
        checkTags(tags, o.Tags);
        o.Tags = [...o.Tags.filter((t) => !tags.some((n) => n.Key === t.Key)), ...tags.map((t) => ({ Key: t.Key, Value: t.Value ?? "" }))];
    }
    return {};
};

export const DeleteTags: Ec2Handler = (account, region, p) => {
    for (const id of p.Resources ?? []) {
        const o = taggable(account, region, id);
        // A key alone deletes it whatever its value; with a value, only that value; no tags: every user tag (API reference).
        const tags: { Key: string; Value?: string }[] | undefined = p.Tags;
        o.Tags =
            tags === undefined
                ? []
                : o.Tags.filter((t) => !tags.some((d) => d.Key === t.Key && (d.Value === undefined || d.Value === t.Value)));
    }
    return {};
};
