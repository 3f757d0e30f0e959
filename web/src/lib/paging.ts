// The paging every table shows the same way: a page size to choose and "N in all" in the user's language.
import i18n from 'i18next';

export function paging(defaultPageSize = 20, extra: { hideOnSinglePage?: boolean } = {}) {
  return {
    defaultPageSize,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total: number) => i18n.t('common.total', { ns: 'common', count: total }) as string,
    ...extra,
  };
}
