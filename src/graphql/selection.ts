/**
 * Looks ahead into a field's selection to learn which attributes its object will need,
 * so a root field such as `user` can describe the object once with every attribute name
 * its sub-fields ask for, instead of once for the fields and again for `attributes`.
 */
import { getArgumentValues, getNamedType, type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Returns the union of the `names` arguments of every `attributes` field selected directly
 * on the object returned by the current field (through fragments too), in first-seen order.
 */
export function selectedAttributeNames(info: GraphQLResolveInfo): string[] {
  const returnType = getNamedType(info.returnType);
  const attributesField = 'getFields' in returnType ? returnType.getFields()['attributes'] : undefined;
  if (!attributesField) {
    return [];
  }

  const names = new Map<string, string>();
  for (const fieldNode of info.fieldNodes) {
    collectNames(fieldNode.selectionSet, attributesField, info, names, new Set());
  }
  return [...names.values()];
}

/** Adds the names of the `attributes` fields in `selectionSet` to `names`, keyed in lower case. */
function collectNames(
  selectionSet: SelectionSetNode | undefined,
  attributesField: AttributesField,
  info: GraphQLResolveInfo,
  names: Map<string, string>,
  seenFragments: Set<string>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === 'attributes') {
        for (const name of namesArgument(selection, attributesField, info)) {
          if (!names.has(name.toLowerCase())) {
            names.set(name.toLowerCase(), name);
          }
        }
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectNames(selection.selectionSet, attributesField, info, names, seenFragments);
    } else if (!seenFragments.has(selection.name.value)) {
      seenFragments.add(selection.name.value);
      collectNames(info.fragments[selection.name.value]?.selectionSet, attributesField, info, names, seenFragments);
    }
  }
}

type AttributesField = Parameters<typeof getArgumentValues>[0];

function namesArgument(
  node: FieldNode,
  field: AttributesField,
  info: GraphQLResolveInfo,
): string[] {
  try {
    const values = getArgumentValues(field, node, info.variableValues) as { names?: unknown };
    return Array.isArray(values.names) ? values.names.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    // An invalid argument is reported by the attributes field itself; the look-ahead ignores it.
    return [];
  }
}
