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

  if (info.fieldNodes.every(selectsNoAttributes)) {
    return [];
  }

  const names = new Map<string, string>();
  for (const fieldNode of info.fieldNodes) {
    const selectionSet = fieldNode.selectionSet;
    if (!collectNames(selectionSet, attributesField, info, names, new Set()) && selectionSet) {
      WITHOUT_ATTRIBUTES.add(selectionSet);
    }
  }
  return [...names.values()];
}

/**
 * Selection sets found to select no `attributes` field, directly or through fragments.
 * Apollo Server reuses the parsed document of a query it has seen, so each request of that
 * query brings the same nodes, and the fragments they spread come from the same document.
 * The walk then runs once per document instead of once per request.
 */
const WITHOUT_ATTRIBUTES = new WeakSet<SelectionSetNode>();

function selectsNoAttributes(fieldNode: FieldNode): boolean {
  return fieldNode.selectionSet === undefined || WITHOUT_ATTRIBUTES.has(fieldNode.selectionSet);
}

/**
 * Adds the names of the `attributes` fields in `selectionSet` to `names`, keyed in lower case.
 * Returns whether it found an `attributes` field, with names or without.
 */
function collectNames(
  selectionSet: SelectionSetNode | undefined,
  attributesField: AttributesField,
  info: GraphQLResolveInfo,
  names: Map<string, string>,
  seenFragments: Set<string>,
): boolean {
  let found = false;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === 'attributes') {
        found = true;
        for (const name of namesArgument(selection, attributesField, info)) {
          if (!names.has(name.toLowerCase())) {
            names.set(name.toLowerCase(), name);
          }
        }
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      found = collectNames(selection.selectionSet, attributesField, info, names, seenFragments) || found;
    } else if (!seenFragments.has(selection.name.value)) {
      seenFragments.add(selection.name.value);
      found = collectNames(info.fragments[selection.name.value]?.selectionSet, attributesField, info, names, seenFragments) || found;
    }
  }
  return found;
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
