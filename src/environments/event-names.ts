/**
 * How engine events name a resource, for the plan summary, the drift report and the progress lines: the kind
 * (`Collection` for a pulumi-zilliz type token, the token itself otherwise), the name (the URN's last part),
 * and which property keys are bookkeeping rather than the resource (`__provider` and engine-internal keys).
 */
import { dynamicTypeToken } from "../resources/shared/zilliz-dynamic-resource";

const PACKAGE_TYPE = dynamicTypeToken("");

/** `Collection` for `pulumi-nodejs:dynamic/zilliz:Collection`; any other type token as it is. */
export const kindOf = (type: string): string => (type.startsWith(PACKAGE_TYPE) ? type.slice(PACKAGE_TYPE.length) : type);

/** The resource's name: the last part of its URN. */
export const nameOf = (urn: string): string => urn.slice(urn.lastIndexOf("::") + 2);

/** True for a property key that is no property a user wrote (the provider's code text, engine-internal keys). */
export const isInternalKey = (key: string): boolean => key.startsWith("__");
