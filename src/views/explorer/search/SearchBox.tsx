// Search by name or code: a combobox whose list shows the hits grouped by level, the match
// highlighted. Choosing a hit hands it to the parent, which flies there and selects it.
import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import type { SearchGroup, SearchHit, SearchIndex, SearchLevel } from "../../../domain/search.ts";
import "./search-box.css";

export interface SearchBoxProps {
  /** Undefined while the data loads: the input is disabled. */
  index: SearchIndex | undefined;
  /** Instead of a local index: the query goes out (to the engine worker) and its groups come back. */
  remote?: { groups: SearchGroup[]; onQuery: (query: string) => void } | undefined;
  onChoose: (hit: SearchHit) => void;
  levelLabels: Record<SearchLevel, string>;
  /** Accessible name of the input and the list. */
  label: string;
  placeholder: string;
  /** Shown when a query finds nothing. */
  emptyText: string;
  /** Hits shown per level. */
  limit?: number;
}

export function SearchBox({ index, remote, onChoose, levelLabels, label, placeholder, emptyText, limit = 8 }: SearchBoxProps) {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const optionId = (position: number) => `${id}-option-${position}`;
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Typing stays responsive on a slow machine: the list follows when the search has run.
  const deferredQuery = useDeferredValue(query);
  const onQuery = remote?.onQuery;
  useEffect(() => onQuery?.(deferredQuery), [onQuery, deferredQuery]);
  const local = useMemo(() => (remote ? [] : (index?.search(deferredQuery, limit) ?? [])), [remote, index, deferredQuery, limit]);
  const groups = remote ? remote.groups : local;
  const ready = remote !== undefined || index !== undefined;
  const hits = useMemo(() => groups.flatMap((group) => group.entries), [groups]);
  // Position in `hits` of each group's first hit: options are numbered across groups.
  const firsts = useMemo(() => {
    const result: number[] = [];
    let seen = 0;
    for (const group of groups) {
      result.push(seen);
      seen += group.entries.length;
    }
    return result;
  }, [groups]);
  const activeHit = hits[active];
  const showList = open && hits.length > 0;
  const showEmpty = open && ready && groups.length === 0 && deferredQuery.trim() !== "";
  const activeOptionId = activeHit && showList ? optionId(active) : undefined;

  useEffect(() => {
    // jsdom has no scrollIntoView.
    if (activeOptionId) document.getElementById(activeOptionId)?.scrollIntoView?.({ block: "nearest" });
  }, [activeOptionId]);

  function choose(hit: SearchHit) {
    setQuery(hit.name);
    setOpen(false);
    setActive(-1);
    onChoose(hit);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // While an input method composes Chinese, Enter and the arrows belong to it.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      const start = step > 0 ? 0 : hits.length - 1;
      setActive(!open || active < 0 || active >= hits.length ? start : (active + step + hits.length) % hits.length);
      setOpen(true);
    } else if (event.key === "Enter") {
      const hit = open ? (activeHit ?? hits[0]) : undefined;
      if (!hit) return;
      event.preventDefault();
      choose(hit);
    } else if (event.key === "Escape") {
      if (open) {
        setOpen(false);
        setActive(-1);
      } else {
        setQuery("");
      }
    }
  }

  return (
    <div className="search-box">
      <input
        type="text"
        role="combobox"
        className="search-input"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={activeOptionId}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={query}
        disabled={!ready}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(query.trim() !== "")}
        onBlur={() => setOpen(false)}
      />
      {/* Keeps the focus in the input when an option is clicked. */}
      <ul role="listbox" id={listboxId} className="search-results" aria-label={label} hidden={!showList} onMouseDown={(event) => event.preventDefault()}>
        {groups.map((group, groupIndex) => {
          const headingId = `${id}-${group.level}`;
          return (
            <li key={group.level} role="presentation" className="search-group">
              <div role="presentation" id={headingId} className="search-group-heading">
                {levelLabels[group.level]}
                <span className="search-group-total">{group.total.toLocaleString()}</span>
              </div>
              <ul role="group" aria-labelledby={headingId}>
                {group.entries.map((hit, hitIndex) => {
                  const at = (firsts[groupIndex] ?? 0) + hitIndex;
                  return (
                    <li
                      key={hit.id}
                      id={optionId(at)}
                      role="option"
                      aria-selected={at === active}
                      className="search-option"
                      onClick={() => choose(hit)}
                      onMouseEnter={() => setActive(at)}
                    >
                      <span className="search-name">{highlight(hit.name, hit.match)}</span>
                      {hit.context === "" ? null : <span className="search-context">{hit.context}</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
      {showEmpty ? (
        <p className="search-empty" role="status">
          {emptyText}
        </p>
      ) : null}
    </div>
  );
}

function highlight(name: string, match: [number, number] | null): ReactNode {
  if (!match) return name;
  const [start, end] = match;
  return (
    <>
      {name.slice(0, start)}
      <mark>{name.slice(start, end)}</mark>
      {name.slice(end)}
    </>
  );
}
