import { describe, expect, it } from 'vitest';
import { homeOf, pageOf } from './pages';

describe('pageOf', () => {
  it('names the page each route of App opens', () => {
    expect(pageOf('/')).toBe('dashboard');
    expect(pageOf('/customers')).toBe('customers');
    expect(pageOf('/customers/cust-001')).toBe('customer');
    expect(pageOf('/customers/cust-001/')).toBe('customer');
    expect(pageOf('/people/p-1')).toBe('person');
    expect(pageOf('/opportunities/opp-1')).toBe('opportunity');
    expect(pageOf('/influence')).toBe('influence');
    expect(pageOf('/warnings')).toBe('warnings');
    expect(pageOf('/tasks')).toBe('tasks');
    expect(pageOf('/workbench')).toBe('workbench');
    expect(pageOf('/inbox')).toBe('inbox');
    expect(pageOf('/iknow')).toBe('iknow');
    expect(pageOf('/strategy')).toBe('strategy');
    expect(pageOf('/admin/users')).toBe('users');
    expect(pageOf('/admin/bundle')).toBe('bundle');
    expect(pageOf('/admin/webhooks')).toBe('webhooks');
    expect(pageOf('/organizations')).toBe('organizations');
  });

  it('names none for the sign-in page and addresses no route takes', () => {
    expect(pageOf('/login')).toBeNull();
    expect(pageOf('/people')).toBeNull();
    expect(pageOf('/opportunities')).toBeNull();
    expect(pageOf('/admin')).toBeNull();
    expect(pageOf('/admin/other')).toBeNull();
    expect(pageOf('/organizations/org-1')).toBeNull();
  });

  it('lands reps and managers on the workbench, employees on I know…, the others on the dashboard', () => {
    expect(homeOf('rep')).toBe('/workbench');
    expect(homeOf('manager')).toBe('/workbench');
    expect(homeOf('employee')).toBe('/iknow');
    expect(homeOf('executive')).toBe('/');
    expect(homeOf('admin')).toBe('/');
  });
});
