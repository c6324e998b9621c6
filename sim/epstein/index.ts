/**
 * The Epstein model's public entry for views and tools: the cell codes of its frame
 * (`frame().arrays.cells`, one byte a cell, row by row), so a view counts and colours cells by name
 * instead of copying the numbers.
 */
export { ACTIVE, COP, EMPTY, JAILED, QUIET } from './lattice';
