package dev.wipflow.wip;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The parent product of a page's variants: its id or handle and its title, the same for all its SKUs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantGroup(String id, String title) {
}
